package dev.rankforge.trainer.quota;

import java.util.function.LongSupplier;

/**
 * A token bucket refilled at {@code ratePerSecond} holding at most one second's worth of tokens (so short bursts
 * pass and a sustained rate above the limit does not). A request larger than the bucket (a batch of more histories
 * than one second's rate) passes when the bucket is full and leaves it in debt, so it is served — never refused
 * forever — and the rate still holds over time.
 */
final class TokenBucket {
    private final double ratePerSecond;
    private final double capacity;
    private final LongSupplier nanoClock;
    private double tokens;
    private long refilledAt;

    TokenBucket(double ratePerSecond) {
        this(ratePerSecond, System::nanoTime);
    }

    TokenBucket(double ratePerSecond, LongSupplier nanoClock) {
        this.ratePerSecond = ratePerSecond;
        this.capacity = Math.max(1, ratePerSecond);
        this.nanoClock = nanoClock;
        this.tokens = capacity;
        this.refilledAt = nanoClock.getAsLong();
    }

    /** Takes {@code n} tokens; returns 0, or the milliseconds until they would be available (nothing taken). */
    synchronized long take(int n) {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAt) / 1e9 * ratePerSecond);
        refilledAt = now;
        double needed = Math.min(n, capacity);
        if (tokens >= needed) {
            tokens -= n;
            return 0;
        }
        return (long) Math.ceil((needed - tokens) / ratePerSecond * 1000);
    }
}
