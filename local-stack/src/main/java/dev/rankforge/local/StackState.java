package dev.rankforge.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The stack {@code rankforge up} keeps running, as recorded in {@code <runs-dir>/stack.json}: the launcher's
 * pid, its run folder, the services' URLs and the run's admin API key (the file is readable by its owner only).
 * {@code run}, {@code status}, {@code report}, {@code cancel}, {@code keys} and {@code down} find the stack through
 * it; a file whose process is gone is stale and ignored.
 */
public record StackState(long pid, Path runDir, Map<String, String> urls, Instant startedAt, String adminKey) {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static Path file(Path runsDir) {
        return runsDir.resolve("stack.json");
    }

    /** The running stack recorded under {@code runsDir}, if its launcher is still alive. */
    public static Optional<StackState> read(Path runsDir) {
        Path file = file(runsDir);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            StackState state = JSON.readValue(file.toFile(), StackState.class);
            // Alive, and the same process: a recycled pid belongs to a process started after the stack was up.
            if (ProcessHandle.of(state.pid()).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().startInstant().map(t -> !t.isAfter(state.startedAt())).orElse(true))
                    .isPresent()) {
                return Optional.of(state);
            }
        } catch (IOException unreadable) {
            // a torn write of a launcher that died: as stale as a dead pid
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // another launcher may be replacing it
        }
        return Optional.empty();
    }

    void write(Path runsDir) throws IOException {
        Files.createDirectories(runsDir);
        Path tmp = Files.createTempFile(runsDir, "stack", ".json"); // created rw------- : it holds the admin key
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), this);
        Files.move(tmp, file(runsDir), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes the file if it still describes this process's stack. */
    static void removeOwn(Path runsDir) {
        read(runsDir).filter(s -> s.pid() == ProcessHandle.current().pid()).ifPresent(s -> {
            try {
                Files.deleteIfExists(file(runsDir));
            } catch (IOException ignored) {
                // nothing to do: the next reader sees a dead pid
            }
        });
    }

    public String url(String service) {
        return urls.get(service);
    }
}
