package dev.rankforge.service;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded pool of named threads for long jobs (training, attacks, evaluation), so they never run on the
 * event loop or a Kafka consumer thread. Owned by one bean, shut down with it.
 */
public final class WorkerPool implements AutoCloseable {
    private final ExecutorService executor;

    public WorkerPool(String name, int threads) {
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** One daemon thread named {@code name} for periodic background work (lease renewal, gauges, polling). */
    public static java.util.concurrent.ScheduledExecutorService scheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    public void submit(Runnable job) {
        executor.submit(job);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
