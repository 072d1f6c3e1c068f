package dev.rankforge.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Eviction under load never closes a value while it is leased, and closes every value exactly once. */
class LeasedCacheTest {

    /** Stands in for a loaded model: records its closes, and whether it was used after one. */
    static final class Model implements AutoCloseable {
        final AtomicInteger closes = new AtomicInteger();
        final AtomicInteger usedWhileClosed = new AtomicInteger();

        void use() {
            if (closes.get() > 0) {
                usedWhileClosed.incrementAndGet();
            }
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    @Test
    void evictionUnderLoadWaitsForTheLastLease() throws Exception {
        List<Model> created = new CopyOnWriteArrayList<>();
        LeasedCache<Integer, Model> cache = new LeasedCache<>(2, key -> {
            Model m = new Model();
            created.add(m);
            return m;
        });
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new CopyOnWriteArrayList<>();
        for (int t = 0; t < 8; t++) {
            int seed = t;
            work.add(threads.submit(() -> {
                Random random = new Random(seed);
                for (int i = 0; i < 2_000; i++) {
                    try (LeasedCache.Lease<Model> lease = cache.lease(random.nextInt(6))) {
                        lease.value().use();
                        Thread.yield(); // let other threads evict meanwhile
                        lease.value().use();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();
        assertThat(created.size()).as("six keys through a cache of two: many evictions").isGreaterThan(6);
        assertThat(created).allSatisfy(m -> assertThat(m.usedWhileClosed.get()).isZero());
        cache.close();
        assertThat(created).allSatisfy(m -> assertThat(m.closes.get()).as("closed exactly once").isEqualTo(1));
    }

    @Test
    void aLeasedValueRemovedMeanwhileClosesWhenReturned() {
        Map<Integer, Model> byKey = new ConcurrentHashMap<>();
        LeasedCache<Integer, Model> cache = new LeasedCache<>(4, key -> byKey.computeIfAbsent(key, k -> new Model()));
        LeasedCache.Lease<Model> held = cache.lease(1);
        cache.lease(2).close();
        cache.close(); // removes both while 1 is leased
        assertThat(byKey.get(2).closes.get()).isEqualTo(1);
        assertThat(held.value().closes.get()).isZero();
        held.close();
        held.close(); // returning twice changes nothing
        assertThat(byKey.get(1).closes.get()).isEqualTo(1);
    }

    @Test
    void aLoaderFailureReachesTheCaller() {
        LeasedCache<Integer, Model> cache = new LeasedCache<>(2, key -> {
            throw new IllegalArgumentException("no model " + key);
        });
        assertThatThrownBy(() -> cache.lease(7)).isInstanceOf(IllegalArgumentException.class).hasMessage("no model 7");
    }
}
