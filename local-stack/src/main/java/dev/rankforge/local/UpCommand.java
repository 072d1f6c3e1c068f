package dev.rankforge.local;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code rankforge up}: starts PostgreSQL, Kafka and the four services on this machine and keeps them running
 * until Ctrl-C (or SIGTERM), so jobs can be submitted to the services' APIs by hand (see each service's README).
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start the local stack and keep it running until Ctrl-C.")
public final class UpCommand implements Callable<Integer> {
    @Mixin
    StackOptions stackOptions;

    @Override
    public Integer call() throws Exception {
        Path runDir = stackOptions.newRunFolder();
        System.out.println("Rankforge: run folder " + runDir);
        LocalStack stack = stackOptions.start(runDir);
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
