package dev.rankforge.local;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How the commands that talk to a running stack find it and authenticate: the stack {@code up} recorded (with its
 * admin key), or an explicit URL and key.
 */
public final class StackConnection {
    @Option(names = "--runs-dir", defaultValue = "runs",
            description = "Where `rankforge up` recorded its stack (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @Option(names = "--eval-url", description = "eval-service's URL, for a stack not started by `rankforge up` here.")
    String evalUrl;

    @Option(names = "--key", defaultValue = "${env:RANKFORGE_KEY}",
            description = "API key to present (default: $RANKFORGE_KEY, else the admin key of the stack that is up).")
    String key;

    String evalUrl() throws IOException {
        if (evalUrl != null) {
            return evalUrl;
        }
        return StackState.read(runsDir).map(s -> s.url("eval-service")).orElseThrow(() -> new IOException(
                "no stack is up under " + runsDir.toAbsolutePath() + ": start one with ./rankforge up (or pass --eval-url)"));
    }

    /** A client presenting the key given, or the admin key of the stack that is up (never to another URL). */
    RankforgeClient client() {
        if (key != null && !key.isBlank()) {
            return new RankforgeClient(key);
        }
        return new RankforgeClient(evalUrl != null ? null
                : StackState.read(runsDir).map(StackState::adminKey).orElse(null));
    }
}
