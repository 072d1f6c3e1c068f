package dev.rankforge.local;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code rankforge up}: starts PostgreSQL, Kafka and the four services and keeps them running until Ctrl-C,
 * SIGTERM or {@code rankforge down}; records the stack in {@code <runs-dir>/stack.json} so {@code run},
 * {@code status}, {@code report} and {@code cancel} find it.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Start the local stack and keep it running until Ctrl-C or `rankforge down`.",
                "Refuses when a stack is already up or a service port is taken; each service must be ready within 3 minutes."})
public final class UpCommand implements Callable<Integer> {
    @Mixin
    StackOptions stackOptions;

    @Override
    public Integer call() throws Exception {
        Optional<StackState> existing = StackState.read(stackOptions.runsDir);
        if (existing.isPresent()) {
            System.err.println("A stack is already up (pid " + existing.get().pid() + ", eval-service "
                    + existing.get().url("eval-service") + "): use it, or stop it with ./rankforge down");
            return 1;
        }
        Path runDir;
        try {
            runDir = stackOptions.newRunFolder();
        } catch (PortCheck.PortTakenException e) {
            System.err.println("Cannot start: " + e.getMessage());
            return 1;
        }
        System.out.println("Rankforge: run folder " + runDir);
        CountDownLatch stopped = new CountDownLatch(1);
        StopOnSignal signal = new StopOnSignal(runDir, () -> {
            StackState.removeOwn(stackOptions.runsDir);
            stopped.countDown();
        });
        LocalStack stack;
        try {
            stack = stackOptions.start(runDir);
        } catch (PortCheck.PortTakenException e) {
            signal.close();
            System.err.println("Cannot start: " + e.getMessage());
            return 1;
        }
        signal.started(stack);
        Map<String, String> urls = new LinkedHashMap<>();
        for (String service : new String[] {"data-service", "trainer-service", "attack-service", "eval-service"}) {
            urls.put(service, stack.url(service));
            System.out.printf("  %-16s %s  (API docs %s/q/swagger-ui)%n", service, stack.url(service), stack.url(service));
        }
        new StackState(ProcessHandle.current().pid(), runDir, urls, Instant.now(), stack.adminKey())
                .write(stackOptions.runsDir);
        System.out.println("Admin API key (send as X-Rankforge-Key; the CLI uses it for you): " + stack.adminKey());
        System.out.println("  more keys: ./rankforge keys create --name NAME --team TEAM --roles researcher");
        System.out.println("Artifacts: " + stack.s3Endpoint().map(url -> "bucket rankforge-artifacts at " + url
                + " (S3Proxy, objects under " + runDir.resolve("s3") + ")").orElse(runDir.resolve("artifacts").toString())
                + "; logs: " + runDir);
        System.out.println("Running. Next: ./rankforge run plans/demo.yaml; stop with ./rankforge down or Ctrl-C.");
        stopped.await();
        return 0;
    }
}
