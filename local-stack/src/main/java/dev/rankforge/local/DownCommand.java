package dev.rankforge.local;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rankforge down}: stops the stack {@code rankforge up} keeps running (SIGTERM, then waits for it to finish). */
@Command(name = "down", mixinStandardHelpOptions = true, description = "Stop the stack started by `rankforge up`.")
public final class DownCommand implements Callable<Integer> {
    @Option(names = "--runs-dir", defaultValue = "runs",
            description = "Where `rankforge up` recorded its stack (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @Override
    public Integer call() throws Exception {
        Optional<StackState> state = StackState.read(runsDir);
        if (state.isEmpty()) {
            System.out.println("No stack is up under " + runsDir.toAbsolutePath());
            return 0;
        }
        ProcessHandle launcher = ProcessHandle.of(state.get().pid()).orElse(null);
        if (launcher == null) {
            return 0;
        }
        System.out.println("Stopping the stack (pid " + launcher.pid() + ") ...");
        launcher.destroy();
        try {
            launcher.onExit().get(3, TimeUnit.MINUTES);
        } catch (java.util.concurrent.TimeoutException e) {
            System.err.println("the stack did not stop within 3 minutes; its logs: " + state.get().runDir());
            return 1;
        }
        System.out.println("Stopped. Logs, database and artifacts stay in " + state.get().runDir());
        return 0;
    }
}
