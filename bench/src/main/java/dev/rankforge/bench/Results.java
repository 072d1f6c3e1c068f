package dev.rankforge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.UserItemPairsReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes machine-readable benchmark results with the environment they were measured in. */
final class Results {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Results() {
    }

    /** A result file's opening: the benchmark's name and the environment it ran in. */
    static Map<String, Object> header(String benchmark) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", benchmark);
        result.put("environment", environment());
        return result;
    }

    /** The ML-1M (or any) user-item pairs file, read into leave-one-out sequences. */
    static SequenceDataset readPairs(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return UserItemPairsReader.read(in);
        }
    }

    static Map<String, Object> environment() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("measuredAt", Instant.now().toString());
        env.put("cpus", Runtime.getRuntime().availableProcessors());
        env.put("java", System.getProperty("java.version"));
        env.put("djlThreads", System.getProperty("ai.djl.pytorch.num_threads", "default"));
        env.put("maxHeapMb", Runtime.getRuntime().maxMemory() >> 20);
        env.put("jvmArgs", ManagementFactory.getRuntimeMXBean().getInputArguments());
        env.put("allocator", allocator());
        return env;
    }

    /** The malloc behind libtorch in this process: jemalloc when scripts/fast-allocator.sh preloaded it. */
    static String allocator() {
        String preload = System.getenv().getOrDefault("LD_PRELOAD", "");
        return preload.contains("jemalloc") ? "jemalloc (" + System.getenv().getOrDefault("MALLOC_CONF", "") + ")"
                : "glibc";
    }

    /**
     * The entries under {@code field} of an earlier result file, so that re-running one model keeps the
     * others' figures; empty when there is no earlier file.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> previousEntries(Path file, String field) throws IOException {
        if (!Files.exists(file)) {
            return Map.of();
        }
        Object entries = JSON.readValue(file.toFile(), Map.class).get(field);
        return entries instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** Writes atomically so a reader never sees half a file. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Map.class);
    }

    static void write(Path file, Object value) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), value);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
