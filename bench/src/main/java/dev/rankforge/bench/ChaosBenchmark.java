package dev.rankforge.bench;

import static dev.rankforge.local.ExperimentJson.count;
import static dev.rankforge.local.ExperimentJson.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rankforge.local.ExperimentFollower;
import dev.rankforge.local.LocalStack;
import dev.rankforge.local.RankforgeClient;
import dev.rankforge.local.ServicePorts;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Crash scenarios on the local stack: for each scenario a real experiment (dataset → victim → extraction →
 * pollution → evaluation) runs while a fault hits it — one service (or each in turn) killed with SIGKILL and
 * restarted, or the Kafka broker or PostgreSQL restarted — at a random point of a step drawn from {@link #DURING};
 * every experiment must succeed with exactly one training job and model per training step, one attack job and
 * one dataset, and no result recorded twice. Jobs, models and attacks are counted by the experiment's dataset (a
 * fresh one per scenario), so a duplicate under a new id counts as well as one under the step's id. Writes
 * {@code bench/results/chaos.json} with scenarios run, survived, lost and duplicated.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = "Kill -9 services and restart Kafka and PostgreSQL at random points of real experiments; "
                + "count lost and duplicated work.")
public final class ChaosBenchmark implements Callable<Integer> {
    private static final List<String> SERVICES = List.of("data-service", "trainer-service", "attack-service",
            "eval-service");
    private static final String KAFKA = "kafka";
    private static final String POSTGRES = "postgres";
    /** The steps during which each fault lands: one is drawn per fault, which hits while that step runs. */
    private static final Map<String, List<String>> DURING = Map.of("data-service", List.of("victim", "surrogate"),
            "trainer-service", List.of("victim", "surrogate"), "attack-service", List.of("pollution"),
            "eval-service", List.of("victim", "surrogate", "pollution", "evaluate"),
            KAFKA, List.of("victim", "surrogate", "pollution"), POSTGRES, List.of("victim", "surrogate", "pollution"));
    /** Each service in turn in one experiment, each in a later step than the one before. */
    private static final List<List<String>> IN_TURN = List.of(List.of("trainer-service", "victim"),
            List.of("data-service", "surrogate"), List.of("attack-service", "pollution"),
            List.of("eval-service", "evaluate"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--rounds", defaultValue = "1", description = "Times each scenario runs (different fault points).")
    int rounds;

    @Option(names = "--seed", defaultValue = "7")
    long seed;

    @Option(names = "--max-delay-seconds", defaultValue = "3",
            description = "A fault lands uniformly in [0, this] seconds after its step started running.")
    double maxDelaySeconds;

    @Option(names = "--outage-seconds", defaultValue = "5",
            description = "How long Kafka or PostgreSQL stays down before it is started again.")
    double outageSeconds;

    @Option(names = "--output", defaultValue = "bench/results/chaos.json")
    Path output;

    @Override
    public Integer call() throws Exception {
        Path home = Path.of("").toAbsolutePath();
        Random random = new Random(seed);
        List<Map<String, Object>> runs = new ArrayList<>();
        int survived = 0;
        long lost = 0;
        long duplicated = 0;
        try (LocalStack stack = LocalStack.start(home, home.resolve("bench/work/chaos-" + System.currentTimeMillis()),
                ServicePorts.free(), 2, System.out::println)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "chaos-stop"));
            RankforgeClient client = new RankforgeClient(stack.adminKey());
            List<List<List<String>>> scenarios = new ArrayList<>();
            for (String fault : List.of("data-service", "trainer-service", "attack-service", "eval-service", KAFKA,
                    POSTGRES)) {
                scenarios.add(List.of(List.of(fault)));
            }
            scenarios.add(IN_TURN);
            int n = 0;
            for (int round = 0; round < rounds; round++) {
                for (List<List<String>> faults : scenarios) {
                    Map<String, Object> run = scenario(stack, client, faults, random, "chaos-" + (n++));
                    runs.add(run);
                    survived += Boolean.TRUE.equals(run.get("survived")) ? 1 : 0;
                    lost += (long) run.get("lost");
                    duplicated += (long) run.get("duplicated");
                    System.out.println(run);
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("benchmark", "chaos");
                    result.put("environment", Results.environment());
                    result.put("settings", Map.of("rounds", rounds, "seed", seed, "faultDelaySeconds",
                            List.of(0, maxDelaySeconds), "outageSeconds", outageSeconds, "faultDuring", DURING,
                            "inTurn", IN_TURN, "plan", "dataset → gru4rec victim → gru4rec extraction → "
                                    + "co-visitation pollution → evaluation (two protocols, fidelity)"));
                    result.put("scenarios", runs.size());
                    result.put("survived", survived);
                    result.put("lost", lost);
                    result.put("duplicated", duplicated);
                    result.put("faultsMidStep", runs.stream().mapToLong(r -> (long) r.get("faultsMidStep")).sum());
                    result.put("faults", runs.stream().mapToLong(r -> ((List<?>) r.get("faults")).size()).sum());
                    result.put("runs", runs);
                    Results.write(output, result);
                }
            }
        }
        return lost == 0 && duplicated == 0 && survived == runs.size() ? 0 : 1;
    }

    /** One experiment under {@code faults}: each a fault name, with the step it must land in when given. */
    private Map<String, Object> scenario(LocalStack stack, RankforgeClient client, List<List<String>> faults,
                                         Random random, String name) throws Exception {
        String eval = stack.url("eval-service");
        JsonNode plan = JSON.readTree("""
                {"name": "%s", "steps": {
                  "data":      {"kind": "dataset", "synthetic": {"users": 1200, "items": 400, "meanLength": 15, "seed": %d}},
                  "victim":    {"kind": "train", "dataset": "data", "architecture": "gru4rec",
                                "params": {"epochs": 30, "embeddingSize": 32, "hiddenSize": 32, "maxLength": 20}},
                  "surrogate": {"kind": "extract", "dataset": "data", "victim": "victim", "architecture": "gru4rec",
                                "params": {"epochs": 8, "embeddingSize": 32, "hiddenSize": 32, "maxLength": 20},
                                "extraction": {"sequences": 300, "length": 20}, "distillation": {"listLength": 50}},
                  "pollution": {"kind": "attack", "method": "pollution", "dataset": "data", "victim": "victim",
                                "params": {"chooser": "co-visitation", "targetCount": 2, "maxUsers": 300, "slots": 2}},
                  "evaluate":  {"kind": "evaluate", "dataset": "data", "models": ["victim", "surrogate"],
                                "protocols": ["full-ranking", "uniform-100"], "ks": [10],
                                "fidelity": [["victim", "surrogate"]]}}}""".formatted(name, random.nextInt(1_000_000)));
        long started = System.nanoTime();
        String id = client.postJson(eval + "/experiments", plan).path("id").asText();
        List<Map<String, Object>> injected = new ArrayList<>();
        long midStep = 0;
        for (List<String> fault : faults) {
            String target = fault.get(0);
            List<String> steps = DURING.get(target);
            String during = fault.size() > 1 ? fault.get(1) : steps.get(random.nextInt(steps.size()));
            long deadline = System.nanoTime() + 600_000_000_000L;
            while (!stepStatus(client, eval, id, during).matches("RUNNING|SUCCEEDED|FAILED|CANCELLED")
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep((long) (random.nextDouble() * maxDelaySeconds * 1000));
            String stepsRunning = running(client, eval, id);
            boolean inStep = List.of(stepsRunning.split(",")).contains(during);
            midStep += inStep ? 1 : 0;
            double at = (System.nanoTime() - started) / 1e9;
            inject(stack, target);
            injected.add(Map.of("fault", target.equals(KAFKA) || target.equals(POSTGRES) ? "restart " + target
                            : "kill -9 " + target, "during", during, "midStep", inStep,
                    "atSeconds", Math.round(at * 10) / 10.0, "stepsRunning", stepsRunning));
        }
        JsonNode experiment = new ExperimentFollower(client, eval, new PrintStream(OutputStream.nullOutputStream()))
                .follow(id, Duration.ofMinutes(20));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("experiment", id);
        run.put("faults", injected);
        run.put("faultsMidStep", midStep);
        run.put("status", experiment.path("status").asText());
        run.put("minutes", Math.round((System.nanoTime() - started) / 6e8) / 100.0);
        Map<String, Object> counts = new LinkedHashMap<>();
        long lost = 0;
        for (JsonNode step : experiment.path("steps")) {
            if (!step.path("status").asText().equals("SUCCEEDED")) {
                lost++;
                counts.put(step.path("name").asText(), step.path("status").asText() + ": " + step.path("error").asText());
            }
        }
        String datasetId = step(experiment, "data").path("output").path("datasetId").asText();
        String sha = step(experiment, "data").path("output").path("artifactUri").asText();
        String trainer = stack.url("trainer-service");
        Map<String, Long> found = new LinkedHashMap<>();
        found.put("training jobs", count(client.get(trainer + "/training-jobs"), "datasetId", datasetId));
        found.put("models", count(client.get(trainer + "/models"), "datasetId", datasetId));
        found.put("attack jobs", count(client.get(stack.url("attack-service") + "/attack-jobs"), "datasetId",
                datasetId));
        // Content-addressed: a retried dataset step finds the version it made, so one version with its content.
        found.put("datasets", count(client.get(stack.url("data-service") + "/datasets"), "artifactUri", sha));
        Map<String, Long> expected = Map.of("training jobs", 2L, "models", 2L, "attack jobs", 1L, "datasets", 1L);
        long duplicated = 0;
        for (Map.Entry<String, Long> e : found.entrySet()) {
            long want = expected.get(e.getKey());
            counts.put(e.getKey(), e.getValue() + " (expected " + want + ")");
            lost += Math.max(0, want - e.getValue());
            duplicated += Math.max(0, e.getValue() - want);
        }
        long resultRows = 0;
        java.util.Set<String> resultKeys = new java.util.HashSet<>();
        for (JsonNode r : client.get(eval + "/experiments/" + id + "/results")) {
            resultRows++;
            resultKeys.add(String.join("|", r.path("step").asText(), r.path("kind").asText(),
                    r.path("subject").asText(), r.path("modelId").asText(), r.path("metric").asText(),
                    r.path("k").asText(), r.path("protocol").asText(), r.path("split").asText()));
        }
        counts.put("results", resultRows + " (" + resultKeys.size() + " distinct)");
        duplicated += resultRows - resultKeys.size();
        run.put("counts", counts);
        run.put("lost", lost);
        run.put("duplicated", duplicated);
        run.put("survived", "SUCCEEDED".equals(run.get("status")) && lost == 0 && duplicated == 0);
        return run;
    }

    private void inject(LocalStack stack, String target) throws Exception {
        Duration outage = Duration.ofMillis((long) (outageSeconds * 1000));
        switch (target) {
            case KAFKA -> stack.restartKafka(outage);
            case POSTGRES -> stack.restartPostgres(outage);
            default -> stack.killAndRestart(target);
        }
    }

    private static String stepStatus(RankforgeClient client, String eval, String id, String name) throws Exception {
        return step(client.get(eval + "/experiments/" + id), name).path("status").asText();
    }

    private static String running(RankforgeClient client, String eval, String id) throws Exception {
        List<String> names = new ArrayList<>();
        for (JsonNode step : client.get(eval + "/experiments/" + id).path("steps")) {
            if (step.path("status").asText().equals("RUNNING")) {
                names.add(step.path("name").asText());
            }
        }
        return String.join(",", names);
    }
}
