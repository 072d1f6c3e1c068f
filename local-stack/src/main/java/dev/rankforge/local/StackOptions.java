package dev.rankforge.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Option;

/**
 * The options every command that starts the local stack shares (a picocli mixin), and the start itself: a fresh
 * run folder for logs, database and artifacts, then PostgreSQL, Kafka and the four services.
 */
public final class StackOptions {
    @Option(names = "--base-port", defaultValue = "8081",
            description = "First of four consecutive service ports (default: ${DEFAULT-VALUE}).")
    int basePort;

    @Option(names = "--threads", defaultValue = "2",
            description = "Native compute threads per service; keep at most the free cores (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--runs-dir", defaultValue = "runs",
            description = "Where each run's folder (logs, database, artifacts) is made (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @Option(names = "--artifacts", defaultValue = "local",
            description = "Where artifacts live: local (a directory in the run folder) or s3 (a bucket of an S3 server, "
                    + "S3Proxy, started with the stack) (default: ${DEFAULT-VALUE}).")
    String artifacts;

    @Option(names = "--home", defaultValue = "${sys:rankforge.home:-.}",
            description = "Repository root holding the built services (default: ${DEFAULT-VALUE}).")
    Path home;

    /** A new run folder under {@code --runs-dir}, named by the time; refuses first when a service port is taken. */
    Path newRunFolder() throws IOException {
        PortCheck.requireFree(ServicePorts.from(basePort).all());
        Path runDir = runsDir.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))
                .toAbsolutePath();
        Files.createDirectories(runDir);
        // Kafka's broker logs through SLF4J: keep them in the run folder, not on the console.
        System.setProperty("org.slf4j.simpleLogger.logFile", runDir.resolve("kafka.log").toString());
        return runDir;
    }

    /**
     * Starts the stack in {@code runDir}, printing each step; refuses (naming the port and its holder) when a
     * service port is taken. Services must be ready within {@link LocalStack#READY_TIMEOUT}.
     */
    LocalStack start(Path runDir) throws Exception {
        ServicePorts ports = ServicePorts.from(basePort);
        PortCheck.requireFree(ports.all());
        return LocalStack.start(home.toAbsolutePath().normalize(), runDir, ports, threads,
                s -> System.out.println("  " + s + " ..."), List.of("data-service", "trainer-service", "attack-service",
                        "eval-service"), LocalStack.Artifacts.parse(artifacts));
    }
}
