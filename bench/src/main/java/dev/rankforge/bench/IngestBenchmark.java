package dev.rankforge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rankforge.local.LocalStack;
import dev.rankforge.local.ServicePorts;
import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Upload and preprocessing speed of data-service: writes a generated file in MovieLens-20M's
 * {@code ratings.csv} format (20 million rows by default), starts data-service alone with a 1 GB heap (plus
 * PostgreSQL and Kafka), streams the file to {@code POST /datasets/upload} and records rows/s and the
 * service's peak resident memory (VmHWM).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Time a 20M-row ratings.csv upload through data-service; write bench/results/ingest.json.")
final class IngestBenchmark implements Callable<Integer> {
    @Option(names = "--rows", defaultValue = "20000000")
    long rows;

    @Option(names = "--users", defaultValue = "138493", description = "ML-20M's user count.")
    int users;

    @Option(names = "--items", defaultValue = "26744", description = "ML-20M's item count.")
    int items;

    @Option(names = "--output", defaultValue = "bench/results/ingest.json")
    Path output;

    @Override
    public Integer call() throws Exception {
        Path home = Path.of("").toAbsolutePath();
        Path work = home.resolve("bench/work/ingest");
        Files.createDirectories(work);
        Path file = work.resolve("ratings-" + rows + ".csv");
        if (!Files.exists(file)) {
            System.out.println("writing " + file + " ...");
            generate(file);
        }
        long bytes = Files.size(file);
        try (LocalStack stack = LocalStack.start(home, work.resolve("run"), ServicePorts.free(), 2,
                System.out::println, List.of("data-service"))) {
            String url = stack.url("data-service") + "/datasets/upload?name=ingest-" + rows
                    + "&format=movielens-csv&fileName=ratings.csv";
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(30))
                    .header("Content-Type", "application/octet-stream")
                    .header(dev.rankforge.local.RankforgeClient.KEY_HEADER, stack.adminKey())
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
            System.out.println("uploading " + bytes / 1_000_000 + " MB ...");
            long started = System.nanoTime();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - started) / 1e9;
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("upload failed: " + response.statusCode() + " " + response.body());
            }
            JsonNode dataset = new ObjectMapper().readTree(response.body());
            long peakRssKb = peakRssKb(stack.service("data-service").pid());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("benchmark", "ingest");
            result.put("environment", Results.environment());
            result.put("input", Map.of("format", "movielens-csv (ML-20M ratings.csv layout)", "rows", rows,
                    "bytes", bytes, "users", users, "items", items));
            result.put("service", Map.of("heap", "-Xmx1g", "endpoint", "POST /datasets/upload (streamed body)"));
            result.put("seconds", seconds);
            result.put("rowsPerSecond", rows / seconds);
            result.put("peakRssMb", peakRssKb / 1024.0);
            result.put("dataset", Map.of("users", dataset.path("users").asInt(), "items", dataset.path("items").asInt(),
                    "interactions", dataset.path("interactions").asLong(), "statistics", dataset.path("statistics")));
            result.put("target", Map.of("seconds", 60, "met", seconds < 60));
            Results.write(output, result);
            System.out.printf("%d rows in %.1f s = %.0f rows/s, peak RSS %.0f MB; wrote %s%n", rows, seconds,
                    rows / seconds, peakRssKb / 1024.0, output);
        }
        return 0;
    }

    /** Users with a power-law activity, items with Zipf popularity, time increasing per user. */
    private void generate(Path file) throws Exception {
        Random random = new Random(20);
        double[] itemCdf = zipfCdf(items, 1.0);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("userId,movieId,rating,timestamp\n");
            long written = 0;
            long time = 789_652_009L;
            StringBuilder line = new StringBuilder(48);
            while (written < rows) {
                int user = 1 + random.nextInt(users);
                int length = (int) Math.min(rows - written, 20 + (long) (-Math.log(1 - random.nextDouble()) * 124));
                for (int i = 0; i < length; i++) {
                    int item = 1 + search(itemCdf, random.nextDouble());
                    line.setLength(0);
                    line.append(user).append(',').append(item).append(',')
                            .append(1 + random.nextInt(10) / 2.0).append(',').append(time + i * 37L).append('\n');
                    out.append(line);
                }
                written += length;
                time += 11;
            }
        }
    }

    private static double[] zipfCdf(int n, double exponent) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, exponent);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    private static int search(double[] cdf, double u) {
        int index = java.util.Arrays.binarySearch(cdf, u);
        return Math.min(cdf.length - 1, index >= 0 ? index : -index - 1);
    }

    private static long peakRssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
