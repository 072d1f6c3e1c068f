package dev.rankforge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rankforge.local.LocalStack;
import dev.rankforge.local.RankforgeClient;
import dev.rankforge.local.ServicePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Latency of the black-box API under load: starts the local stack, trains an ML-1M-sized NARM (3,416 items,
 * histories up to 200) for one epoch on generated data, then lets closed-loop clients call
 * {@code POST /models/{id}/recommend} with k = 100 and records QPS and latency percentiles, first with one
 * client (the per-request cost), then with the configured number of concurrent clients. With
 * {@code --architecture two-tower} the same for a two-tower retriever answering from its item index.
 */
@Command(name = "blackbox-latency", mixinStandardHelpOptions = true,
        description = "Black-box API latency with concurrent clients; write bench/results/blackbox-latency.json.")
final class BlackBoxLatencyBenchmark implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final int SUSTAINED_P99_MS = 50;

    @Option(names = "--clients", defaultValue = "50")
    int clients;

    @Option(names = "--k", defaultValue = "100")
    int k;

    @Option(names = "--seconds", defaultValue = "30", description = "Measured seconds per load level.")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "10")
    int warmupSeconds;

    @Option(names = "--threads", defaultValue = "2", description = "Native threads of each service.")
    int threads;

    @Option(names = "--ladder", split = ",", defaultValue = "1,2,4,8,16,32,50",
            description = "Client counts measured to find the highest QPS with p99 within 50 ms.")
    int[] ladder;

    @Option(names = "--ladder-seconds", defaultValue = "15", description = "Measured seconds per ladder level.")
    int ladderSeconds;

    @Option(names = "--architecture", defaultValue = "narm",
            description = "narm (the paper's victim), or two-tower (mean user tower, served from its item index; "
                    + "its figures go to the output's twoTower entry).")
    String architecture;

    @Option(names = "--output", defaultValue = "bench/results/blackbox-latency.json")
    Path output;

    @Override
    public Integer call() throws Exception {
        Path home = Path.of("").toAbsolutePath();
        try (LocalStack stack = LocalStack.start(home, home.resolve("bench/work/blackbox-latency"),
                ServicePorts.free(), threads, System.out::println)) {
            RankforgeClient client = new RankforgeClient(stack.adminKey());
            String trainer = stack.url("trainer-service");
            JsonNode dataset = client.postJson(stack.url("data-service") + "/datasets", Map.of("name", "ml1m-sized",
                    "users", 6040, "items", 3416, "meanLength", 165, "seed", 1));
            if (!architecture.equals("narm") && !architecture.equals("two-tower")) {
                throw new IllegalArgumentException("--architecture must be narm or two-tower");
            }
            boolean twoTower = architecture.equals("two-tower");
            Map<String, Object> params = twoTower
                    ? Map.of("epochs", 1, "embeddingSize", 64, "maxLength", 200, "userTower", "mean",
                            "temperature", 0.05)
                    : Map.of("epochs", 1, "embeddingSize", 64, "hiddenSize", 128, "maxLength", 200);
            JsonNode job = client.postJson(trainer + "/training-jobs", Map.of("datasetId", dataset.path("id").asText(),
                    "datasetUri", dataset.path("artifactUri").asText(), "architecture", architecture,
                    "params", params));
            String jobUrl = trainer + "/training-jobs/" + job.path("id").asText();
            System.out.println("training an ML-1M-sized " + architecture + " for one epoch ...");
            JsonNode done;
            do {
                Thread.sleep(2000);
                done = client.get(jobUrl);
            } while (!done.path("status").asText().matches("SUCCEEDED|FAILED|CANCELLED"));
            if (!done.path("status").asText().equals("SUCCEEDED")) {
                throw new IllegalStateException("training failed: " + done);
            }
            String modelUrl = trainer + "/models/" + done.path("modelId").asText();
            String url = modelUrl + "/recommend";
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("benchmark", "blackbox-latency");
            result.put("environment", Results.environment());
            Map<String, Object> model = new LinkedHashMap<>(Map.of("architecture", architecture, "items", 3416,
                    "maxLength", 200, "embedding", 64, "device", "cpu", "serviceNativeThreads", threads));
            JsonNode registered = client.get(modelUrl);
            model.putAll(twoTower ? Map.of("userTower", "mean", "temperature", 0.05, "servedFromItemIndex",
                    registered.path("indexUri").isTextual()) : Map.of("hidden", 128));
            result.put("model", model);
            result.put("request", Map.of("endpoint", "POST /models/{id}/recommend", "k", k,
                    "historyLength", "uniform 1..200"));
            load(url, 1, warmupSeconds);
            result.put("singleClient", load(url, 1, seconds));
            load(url, clients, warmupSeconds);
            Map<String, Object> concurrent = load(url, clients, seconds);
            result.put("concurrentClients", concurrent);
            result.put("target", Map.of("p99Ms", 25, "met", ((Number) concurrent.get("p99Ms")).doubleValue() <= 25));
            result.put("sustained", sustained(url));
            // one file: the NARM figures at the top, the two-tower's in its own entry, each run keeping the other's
            Map<String, Object> previous = Files.exists(output) ? Results.read(output) : Map.of();
            if (twoTower) {
                Map<String, Object> file = new LinkedHashMap<>(previous);
                file.put("twoTower", result);
                Results.write(output, file);
            } else {
                if (previous.containsKey("twoTower")) {
                    result.put("twoTower", previous.get("twoTower"));
                }
                Results.write(output, result);
            }
            System.out.println("wrote " + output + ": " + concurrent);
        }
        return 0;
    }

    /**
     * The highest throughput at which p99 stays within {@value #SUSTAINED_P99_MS} ms: closed-loop load at each of
     * {@code --ladder} client counts, the best QPS among the levels whose p99 is within the bound.
     */
    private Map<String, Object> sustained(String url) throws Exception {
        List<Map<String, Object>> levels = new ArrayList<>();
        Map<String, Object> best = null;
        for (int level : ladder) {
            load(url, level, Math.min(warmupSeconds, 5));
            Map<String, Object> measured = load(url, level, ladderSeconds);
            levels.add(measured);
            boolean within = ((Number) measured.get("p99Ms")).doubleValue() <= SUSTAINED_P99_MS;
            if (within && (best == null || ((Number) measured.get("qps")).doubleValue()
                    > ((Number) best.get("qps")).doubleValue())) {
                best = measured;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("p99BoundMs", SUSTAINED_P99_MS);
        out.put("maxQps", best == null ? 0 : best.get("qps"));
        out.put("atClients", best == null ? 0 : best.get("clients"));
        out.put("levels", levels);
        return out;
    }

    /** Closed-loop load: each client sends its next request when the previous answer arrives. */
    private Map<String, Object> load(String url, int concurrency, int durationSeconds) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long end = System.nanoTime() + durationSeconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            Random random = new Random(c);
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < end) {
                    int length = 1 + random.nextInt(200);
                    List<Integer> history = new ArrayList<>(length);
                    for (int i = 0; i < length; i++) {
                        history.add(1 + random.nextInt(3416));
                    }
                    byte[] body = JSON.writeValueAsBytes(Map.of("sequence", history, "k", k));
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                    long started = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    long took = System.nanoTime() - started;
                    if (response.statusCode() == 200) {
                        latencies.add(took);
                    } else {
                        errors.incrementAndGet();
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();
        Collections.sort(all);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clients", concurrency);
        out.put("seconds", durationSeconds);
        out.put("requests", all.size());
        out.put("errors", errors.get());
        out.put("qps", all.size() / (double) durationSeconds);
        out.put("p50Ms", percentile(all, 0.50));
        out.put("p90Ms", percentile(all, 0.90));
        out.put("p99Ms", percentile(all, 0.99));
        out.put("maxMs", all.isEmpty() ? 0 : all.get(all.size() - 1) / 1e6);
        System.out.println("load " + out);
        return out;
    }

    private static double percentile(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }
}
