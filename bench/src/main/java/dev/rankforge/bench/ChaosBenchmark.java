package dev.rankforge.bench;

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
 * pollution → evaluation) runs while one service (or each in turn) is killed with SIGKILL at a random point of a
 * step drawn from {@link #DURING} and restarted; every experiment must succeed with exactly one job per step, one model per training job and one
 * dataset. Writes {@code bench/results/chaos.json} with scenarios run, survived, lost and duplicated.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = "Kill -9 services at random points of real experiments; count lost and duplicated work.")
public final class ChaosBenchmark implements Callable<Integer> {
    private static final List<String> SERVICES = List.of("data-service", "trainer-service", "attack-service",
            "eval-service");
    /** The steps during which each service is killed: one is drawn per kill, the kill lands while it runs. */
    private static final Map<String, List<String>> DURING = Map.of("data-service", List.of("victim", "surrogate"),
            "trainer-service", List.of("victim", "surrogate"), "attack-service", List.of("pollution"),
            "eval-service", List.of("victim", "surrogate", "pollution", "evaluate"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--rounds", defaultValue = "1", description = "Times each scenario runs (different kill points).")
    int rounds;

    @Option(names = "--seed", defaultValue = "7")
    long seed;

    @Option(names = "--max-delay-seconds", defaultValue = "3",
            description = "A kill lands uniformly in [0, this] seconds after its step started running.")
    double maxDelaySeconds;

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
            RankforgeClient client = new RankforgeClient(stack.adminKey());
            List<List<String>> scenarios = new ArrayList<>();
            SERVICES.forEach(s -> scenarios.add(List.of(s)));
            scenarios.add(SERVICES); // each service in turn, in one experiment
            int n = 0;
            for (int round = 0; round < rounds; round++) {
                for (List<String> victims : scenarios) {
                    Map<String, Object> run = scenario(stack, client, victims, random, "chaos-" + (n++));
                    runs.add(run);
                    survived += Boolean.TRUE.equals(run.get("survived")) ? 1 : 0;
                    lost += (long) run.get("lost");
                    duplicated += (long) run.get("duplicated");
                    System.out.println(run);
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("benchmark", "chaos");
                    result.put("environment", Results.environment());
                    result.put("settings", Map.of("rounds", rounds, "seed", seed, "killDelaySeconds",
                            List.of(0, maxDelaySeconds), "killedDuring", DURING, "plan", "dataset → gru4rec victim → gru4rec extraction → "
                                    + "co-visitation pollution → evaluation (three protocols, fidelity)"));
                    result.put("scenarios", runs.size());
                    result.put("survived", survived);
                    result.put("lost", lost);
                    result.put("duplicated", duplicated);
                    result.put("notRun", List.of("restarting the Kafka broker mid-run",
                            "restarting PostgreSQL mid-run"));
                    result.put("runs", runs);
                    Results.write(output, result);
                }
            }
        }
        return lost == 0 && duplicated == 0 && survived == runs.size() ? 0 : 1;
    }

    private Map<String, Object> scenario(LocalStack stack, RankforgeClient client, List<String> victims, Random random,
                                         String name) throws Exception {
        String eval = stack.url("eval-service");
        JsonNode plan = JSON.readTree("""
                {"name": "%s", "steps": {
                  "data":      {"kind": "dataset", "synthetic": {"users": 400, "items": 300, "meanLength": 12, "seed": %d}},
                  "victim":    {"kind": "train", "dataset": "data", "architecture": "gru4rec",
                                "params": {"epochs": 25, "embeddingSize": 32, "hiddenSize": 32, "maxLength": 20}},
                  "surrogate": {"kind": "extract", "dataset": "data", "victim": "victim", "architecture": "gru4rec",
                                "params": {"epochs": 4, "embeddingSize": 32, "hiddenSize": 32, "maxLength": 20},
                                "extraction": {"sequences": 100, "length": 20}, "distillation": {"listLength": 50}},
                  "pollution": {"kind": "attack", "method": "pollution", "dataset": "data", "victim": "victim",
                                "params": {"chooser": "co-visitation", "targetCount": 2, "maxUsers": 100, "slots": 2}},
                  "evaluate":  {"kind": "evaluate", "dataset": "data", "models": ["victim", "surrogate"],
                                "protocols": ["full-ranking", "uniform-100"], "ks": [10],
                                "fidelity": [["victim", "surrogate"]]}}}""".formatted(name, random.nextInt(1_000_000)));
        long started = System.nanoTime();
        String id = client.postJson(eval + "/experiments", plan).path("id").asText();
        List<Map<String, Object>> kills = new ArrayList<>();
        for (String service : victims) {
            List<String> steps = DURING.get(service);
            String during = steps.get(random.nextInt(steps.size()));
            long deadline = System.nanoTime() + 600_000_000_000L;
            while (!stepStatus(client, eval, id, during).matches("RUNNING|SUCCEEDED|FAILED|CANCELLED")
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep((long) (random.nextDouble() * maxDelaySeconds * 1000));
            String stepsRunning = running(client, eval, id);
            double at = (System.nanoTime() - started) / 1e9;
            stack.killAndRestart(service);
            kills.add(Map.of("service", service, "during", during, "atSeconds", Math.round(at * 10) / 10.0,
                    "stepsRunning", stepsRunning));
        }
        JsonNode experiment = new ExperimentFollower(client, eval, new PrintStream(OutputStream.nullOutputStream()))
                .follow(id, Duration.ofMinutes(20));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("experiment", id);
        run.put("killed", kills);
        run.put("status", experiment.path("status").asText());
        run.put("minutes", Math.round((System.nanoTime() - started) / 6e8) / 100.0);
        long lost = 0;
        long duplicated = 0;
        Map<String, Object> counts = new LinkedHashMap<>();
        for (JsonNode step : experiment.path("steps")) {
            if (!step.path("status").asText().equals("SUCCEEDED")) {
                lost++;
                counts.put(step.path("name").asText(), step.path("status").asText() + ": " + step.path("error").asText());
            }
        }
        String trainer = stack.url("trainer-service");
        for (String step : List.of("victim", "surrogate")) {
            String jobId = step(experiment, step).path("jobId").asText();
            long models = count(client.get(trainer + "/models"), "jobId", jobId);
            long jobs = count(client.get(trainer + "/training-jobs"), "id", jobId);
            counts.put(step + " jobs/models", jobs + "/" + models);
            lost += (jobs == 0 ? 1 : 0) + (models == 0 ? 1 : 0);
            duplicated += Math.max(0, jobs - 1) + Math.max(0, models - 1);
        }
        long attacks = count(client.get(stack.url("attack-service") + "/attack-jobs"), "id",
                step(experiment, "pollution").path("jobId").asText());
        // Content-addressed: a retried dataset step finds the version it made, so one version with its content.
        String sha = step(experiment, "data").path("output").path("artifactUri").asText();
        long datasets = count(client.get(stack.url("data-service") + "/datasets"), "artifactUri", sha);
        counts.put("attack jobs", attacks);
        counts.put("datasets", datasets);
        lost += (attacks == 0 ? 1 : 0) + (datasets == 0 ? 1 : 0);
        duplicated += Math.max(0, attacks - 1) + Math.max(0, datasets - 1);
        run.put("counts", counts);
        run.put("lost", lost);
        run.put("duplicated", duplicated);
        run.put("survived", "SUCCEEDED".equals(run.get("status")) && lost == 0 && duplicated == 0);
        return run;
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

    private static JsonNode step(JsonNode experiment, String name) {
        for (JsonNode s : experiment.path("steps")) {
            if (s.path("name").asText().equals(name)) {
                return s;
            }
        }
        throw new IllegalStateException("no step " + name);
    }

    private static long count(JsonNode list, String field, String value) {
        long n = 0;
        for (JsonNode item : list) {
            n += item.path(field).asText().equals(value) ? 1 : 0;
        }
        return n;
    }
}
