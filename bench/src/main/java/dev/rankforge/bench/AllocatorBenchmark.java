package dev.rankforge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Training speed under glibc malloc against jemalloc that keeps freed pages (scripts/fast-allocator.sh), side by
 * side: for each model, {@code train-throughput --djl-only} in a child JVM once per allocator, same shapes (ML-1M
 * sized, length 200, batch 128), with the child's peak resident memory.
 */
@Command(name = "allocator", mixinStandardHelpOptions = true,
        description = "DJL training throughput on glibc vs jemalloc; write bench/results/allocator.json.")
final class AllocatorBenchmark implements Callable<Integer> {
    @Option(names = "--models", defaultValue = "gru4rec,narm,sasrec,bert4rec")
    String models;

    @Option(names = "--steps", defaultValue = "10", description = "Measured steps per model (after as many warm-up).")
    int steps;

    @Option(names = "--output", defaultValue = "bench/results/allocator.json")
    Path output;

    @Override
    public Integer call() throws Exception {
        String preload = System.getenv().getOrDefault("LD_PRELOAD", "");
        if (!preload.contains("jemalloc")) {
            throw new IllegalStateException("jemalloc is not preloaded: run through bench/run (scripts/fast-allocator.sh)");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String model : models.split(",")) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("model", model);
            Map<String, Object> glibc = measure(model, null);
            Map<String, Object> jemalloc = measure(model, preload);
            row.put("glibc", glibc);
            row.put("jemalloc", jemalloc);
            row.put("speedup", (double) jemalloc.get("seqPerS") / (double) glibc.get("seqPerS"));
            rows.add(row);
            System.out.println(row);
        }
        Map<String, Object> result = new LinkedHashMap<>(Results.header("allocator"));
        result.put("shapes", Map.of("batch", 128, "length", 200, "items", 3416, "steps", steps,
                "note", "train-throughput --djl-only per model and allocator in a fresh JVM"));
        result.put("jemallocConf", System.getenv().getOrDefault("MALLOC_CONF", ""));
        result.put("results", rows);
        Results.write(output, result);
        System.out.println("wrote " + output);
        return 0;
    }

    /** One child JVM: the model's training throughput and the child's peak RSS (GNU time), with or without jemalloc. */
    private Map<String, Object> measure(String model, String preload) throws IOException, InterruptedException {
        Path out = Files.createTempFile("allocator-" + model, ".json");
        Path rss = Files.createTempFile("allocator-" + model, ".rss");
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchCli.class.getName(),
                "train-throughput", "--djl-only", "--models", model, "--steps", String.valueOf(steps),
                "--output", out.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        if (preload == null) {
            builder.environment().remove("LD_PRELOAD");
            builder.environment().remove("MALLOC_CONF");
        }
        if (builder.start().waitFor() != 0) {
            throw new IOException("train-throughput failed for " + model);
        }
        JsonNode measured = new ObjectMapper().readTree(out.toFile());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("seqPerS", measured.path("results").path(0).path("djl_seq_per_s").asDouble());
        entry.put("peakRssMb", Long.parseLong(Files.readString(rss, StandardCharsets.UTF_8).trim()) / 1024.0);
        entry.put("allocator", measured.path("environment").path("allocator").asText());
        Files.deleteIfExists(out);
        Files.deleteIfExists(rss);
        return entry;
    }
}
