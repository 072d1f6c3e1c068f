package dev.rankforge.local;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Ctrl-C / SIGTERM hook of a command that starts a stack, registered before the start: it stops the stack —
 * or, while the stack is still starting, every process this launcher has started — and only then lets the JVM
 * exit (with 130 after Ctrl-C).
 */
final class StopOnSignal implements AutoCloseable {
    private static final long GRACE_SECONDS = 20;
    private final AtomicReference<LocalStack> stack = new AtomicReference<>();
    private final AtomicBoolean fired = new AtomicBoolean();
    private final Thread hook;

    /** @param afterStop runs once everything stopped (e.g. forgetting the stack's state file) */
    StopOnSignal(Path runDir, Runnable afterStop) {
        hook = new Thread(() -> {
            fired.set(true);
            System.out.println("\nstopping every service ...");
            LocalStack started = stack.get();
            if (started != null) {
                started.close();
            }
            stopChildren(); // a stack still starting, or anything its close left behind
            afterStop.run();
            System.out.println("stopped; logs in " + runDir);
        }, "rankforge-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void started(LocalStack started) {
        stack.set(started);
    }

    /** Whether a signal is stopping the stack (the command's own path must then leave it to the hook). */
    boolean fired() {
        return fired.get();
    }

    /** The command ends normally: it stops the stack itself, the hook is not needed. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running
        }
    }

    private static void stopChildren() {
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        children.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GRACE_SECONDS);
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception stillRunning) {
                child.destroyForcibly();
            }
        }
    }
}
