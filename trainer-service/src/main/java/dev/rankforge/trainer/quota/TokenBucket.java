package dev.rankforge.trainer.quota;

/**
 * A token bucket refilled at {@code ratePerSecond} holding at most one second's worth of tokens (so short bursts
 * pass and a sustained rate above the limit does not).
 */
final class TokenBucket {
    private final double ratePerSecond;
    private final double capacity;
    private double tokens;
    private long refilledAt;

    TokenBucket(double ratePerSecond) {
        this.ratePerSecond = ratePerSecond;
        this.capacity = Math.max(1, ratePerSecond);
        this.tokens = capacity;
        this.refilledAt = System.nanoTime();
    }

    /** Takes {@code n} tokens; returns 0, or the milliseconds until they would be available (nothing taken). */
    synchronized long take(int n) {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - refilledAt) / 1e9 * ratePerSecond);
        refilledAt = now;
        if (tokens >= n) {
            tokens -= n;
            return 0;
        }
        return (long) Math.ceil((n - tokens) / ratePerSecond * 1000);
    }
}
