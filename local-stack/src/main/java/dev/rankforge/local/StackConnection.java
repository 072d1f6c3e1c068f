package dev.rankforge.local;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How the commands that talk to a running stack find it: the stack {@code up} recorded, or an explicit URL. */
public final class StackConnection {
    @Option(names = "--runs-dir", defaultValue = "runs",
            description = "Where `rankforge up` recorded its stack (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @Option(names = "--eval-url", description = "eval-service's URL, for a stack not started by `rankforge up` here.")
    String evalUrl;

    String evalUrl() throws IOException {
        if (evalUrl != null) {
            return evalUrl;
        }
        return StackState.read(runsDir).map(s -> s.url("eval-service")).orElseThrow(() -> new IOException(
                "no stack is up under " + runsDir.toAbsolutePath() + ": start one with ./rankforge up (or pass --eval-url)"));
    }
}
