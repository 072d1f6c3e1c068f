package dev.rankforge.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rankforge demo}: starts the whole suite locally, runs one experiment (dataset → train → evaluate →
 * attack), prints the results table and stops everything. Exit code 0 when the experiment succeeded.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline on this machine: embedded PostgreSQL, a local Kafka broker, "
                + "the four services, one experiment, a results table.")
public final class DemoCommand implements Callable<Integer> {
    @Mixin
    StackOptions stackOptions;

    @Option(names = "--ratings", paramLabel = "FILE",
            description = "An interaction file (MovieLens, Amazon, Steam, user-item pairs; plain, gz or zip) to use "
                    + "instead of a synthetic dataset.")
    Path ratings;

    @Option(names = "--users", defaultValue = "2000", description = "Synthetic users (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--items", defaultValue = "400", description = "Synthetic items (default: ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--mean-length", defaultValue = "20", description = "Synthetic mean sequence length (default: ${DEFAULT-VALUE}).")
    int meanLength;

    @Option(names = "--zipf", defaultValue = "1.0",
            description = "Synthetic item-popularity Zipf exponent, 0..3 (default: ${DEFAULT-VALUE}).")
    double zipf;

    @Option(names = "--sequential-strength", defaultValue = "0.7",
            description = "Synthetic probability that the next item follows the previous one's successors, 0..1 "
                    + "(default: ${DEFAULT-VALUE}).")
    double sequentialStrength;

    @Option(names = "--seed", defaultValue = "42", description = "Synthetic generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", defaultValue = "25", description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--timeout-minutes", defaultValue = "60", description = "Give up after this long.")
    int timeoutMinutes;

    @Override
    public Integer call() throws Exception {
        if (ratings != null && !Files.isReadable(ratings)) {
            System.err.println("cannot read " + ratings);
            return 2;
        }
        Path runDir = stackOptions.newRunFolder();
        System.out.println("Rankforge demo: run folder " + runDir);
        LocalStack stack = stackOptions.start(runDir);
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread stopOnSignal = new Thread(() -> {
            interrupted.set(true);
            System.out.println("\ninterrupted: stopping services ...");
            stack.close();
        }, "rankforge-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        try (stack) {
            System.out.println("  services ready: data " + stack.url("data-service") + ", trainer "
                    + stack.url("trainer-service") + ", attack " + stack.url("attack-service") + ", eval "
                    + stack.url("eval-service"));
            RankforgeClient client = new RankforgeClient();
            Map<String, Object> plan = plan(client, stack);
            JsonNode result = new ExperimentRunner(client, stack.url("eval-service"))
                    .run(plan, Duration.ofMinutes(timeoutMinutes), line -> System.out.println("  " + line));
            System.out.println(ResultsTable.render(result));
            System.out.println("Logs: " + runDir);
            return "SUCCEEDED".equals(result.path("status").asText()) ? 0 : 1;
        } catch (IOException | InterruptedException e) {
            if (interrupted.get()) {
                return 130; // stopped by a signal; the services are being stopped by the hook
            }
            throw e;
        } finally {
            if (!interrupted.get()) {
                System.out.println("stopping services ...");
                stack.close();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnSignal);
            } catch (IllegalStateException alreadyShuttingDown) {
                // Ctrl-C: the hook is running
            }
        }
    }

    private Map<String, Object> plan(RankforgeClient client, LocalStack stack) throws Exception {
        Map<String, Object> plan = new LinkedHashMap<>();
        Map<String, Object> dataset = new LinkedHashMap<>();
        if (ratings != null) {
            System.out.println("  uploading " + ratings + " ...");
            JsonNode stored = client.uploadRatings(stack.url("data-service"), ratings, ratings.getFileName().toString());
            System.out.printf("  dataset %s: %d users, %d items, %d interactions%n", stored.path("id").asText(),
                    stored.path("users").asInt(), stored.path("items").asInt(), stored.path("interactions").asLong());
            dataset.put("existing", Map.of("id", stored.path("id").asText(),
                    "artifactUri", stored.path("artifactUri").asText()));
            plan.put("name", "demo-" + ratings.getFileName());
        } else {
            dataset.put("synthetic", Map.of("users", users, "items", items, "meanLength", meanLength,
                    "zipfExponent", zipf, "sequentialStrength", sequentialStrength, "seed", seed));
            plan.put("name", "demo-synthetic");
        }
        plan.put("dataset", dataset);
        plan.put("training", Map.of("architecture", "gru4rec", "params", Map.of(
                "epochs", epochs, "embeddingSize", 64, "hiddenSize", 64, "batchSize", 128,
                "learningRate", 0.005, "maxLength", ratings != null ? 200 : 30, "seed", 1)));
        plan.put("attack", Map.of("chooser", "co-visitation", "targetCount", 5, "slots", 4, "maxUsers", 500, "seed", 7));
        return plan;
    }
}
