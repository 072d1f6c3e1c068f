package dev.rankforge.trainer.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A size-bounded cache (Caffeine, least recently used evicted) of values that must be closed, handed out as leases:
 * an evicted value is closed only once the last lease on it is returned, so eviction under load never closes a
 * model a request is still scoring with.
 *
 * @param <K> key
 * @param <V> the closeable value
 */
public final class LeasedCache<K, V extends AutoCloseable> implements AutoCloseable {
    private final Cache<K, Entry<V>> cache;
    private final Function<K, V> loader;

    public LeasedCache(int capacity, Function<K, V> loader) {
        this.loader = loader;
        this.cache = Caffeine.newBuilder().maximumSize(capacity)
                .<K, Entry<V>>removalListener((key, entry, cause) -> {
                    if (entry != null && cause != RemovalCause.REPLACED) {
                        entry.release(); // the cache's own reference; closes now or when the last lease returns
                    }
                })
                .executor(Runnable::run) // release on the evicting thread: no closes left queued at shutdown
                .build();
    }

    /** A value kept open until {@link #close()}; return it promptly (try-with-resources). */
    public static final class Lease<V extends AutoCloseable> implements AutoCloseable {
        private final Entry<V> entry;
        private boolean returned;

        private Lease(Entry<V> entry) {
            this.entry = entry;
        }

        public V value() {
            return entry.value;
        }

        @Override
        public synchronized void close() {
            if (!returned) {
                returned = true;
                entry.release();
            }
        }
    }

    /** Leases the value for {@code key}, loading it on first use (the loader's exceptions pass through). */
    public Lease<V> lease(K key) {
        while (true) {
            Entry<V> entry = cache.get(key, k -> new Entry<>(loader.apply(k)));
            if (entry.acquire()) {
                return new Lease<>(entry);
            }
            cache.asMap().remove(key, entry); // evicted and closed between lookup and acquire: load again
        }
    }

    /** Closes every value nobody leases now; leased ones close when their last lease returns. */
    @Override
    public void close() {
        cache.invalidateAll();
        cache.cleanUp();
    }

    /** A value with a reference count: one for the cache, one per lease. */
    private static final class Entry<V extends AutoCloseable> {
        private final V value;
        private final AtomicInteger references = new AtomicInteger(1);

        Entry(V value) {
            this.value = value;
        }

        boolean acquire() {
            while (true) {
                int n = references.get();
                if (n == 0) {
                    return false;
                }
                if (references.compareAndSet(n, n + 1)) {
                    return true;
                }
            }
        }

        void release() {
            if (references.decrementAndGet() == 0) {
                try {
                    value.close();
                } catch (Exception e) {
                    throw new IllegalStateException("could not close a cached value", e);
                }
            }
        }
    }
}
