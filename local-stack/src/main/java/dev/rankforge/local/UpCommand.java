package dev.rankforge.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rankforge up}: starts PostgreSQL, Kafka and the four services on this machine and keeps them running
 * until Ctrl-C (or SIGTERM), so jobs can be submitted to the services' APIs by hand (see each service's README).
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start the local stack and keep it running until Ctrl-C.")
public final class UpCommand implements Callable<Integer> {

    @Option(names = "--base-port", defaultValue = "8081",
            description = "First of four consecutive service ports (default: ${DEFAULT-VALUE}).")
    int basePort;

    @Option(names = "--threads", defaultValue = "2",
            description = "Native compute threads per service; keep at most the free cores (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--runs-dir", defaultValue = "runs",
            description = "Where the run's folder (logs, database, artifacts) is made (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @Option(names = "--home", defaultValue = "${sys:rankforge.home:-.}",
            description = "Repository root holding the built services (default: ${DEFAULT-VALUE}).")
    Path home;

    @Override
    public Integer call() throws Exception {
        Path runDir = runsDir.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))
                .toAbsolutePath();
        Files.createDirectories(runDir);
        System.setProperty("org.slf4j.simpleLogger.logFile", runDir.resolve("kafka.log").toString());
        System.out.println("Rankforge: run folder " + runDir);
        LocalStack stack = LocalStack.start(home.toAbsolutePath().normalize(), runDir, ServicePorts.from(basePort),
                threads, s -> System.out.println("  " + s + " ..."));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nstopping services ...");
            stack.close();
            stopped.countDown();
        }, "rankforge-shutdown"));
        for (String service : new String[] {"data-service", "trainer-service", "attack-service", "eval-service"}) {
            System.out.printf("  %-16s %s  (API docs %s/q/swagger-ui)%n", service, stack.url(service),
                    stack.url(service));
        }
        System.out.println("Artifacts: " + runDir.resolve("artifacts") + "; logs: " + runDir);
        System.out.println("Running; Ctrl-C stops everything.");
        stopped.await();
        return 0;
    }
}
