package dev.rankforge.trainer.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The black-box API's rate limit, on a clock the test moves: bursts, refill, waits, and batches beyond the bucket. */
class TokenBucketTest {
    private final AtomicLong now = new AtomicLong();

    private void advanceMillis(long ms) {
        now.addAndGet(ms * 1_000_000L);
    }

    @Test
    void aBurstOfOneSecondsRatePassesThenTheWaitIsWhatTheMissingTokensTake() {
        TokenBucket bucket = new TokenBucket(10, now::get);
        for (int i = 0; i < 10; i++) {
            assertThat(bucket.take(1)).as("query %d of the burst", i).isZero();
        }
        assertThat(bucket.take(1)).as("one token at 10/s").isEqualTo(100);
        advanceMillis(250);
        assertThat(bucket.take(2)).as("2.5 tokens back").isZero();
        assertThat(bucket.take(1)).as("0.5 left: half a token missing").isEqualTo(50);
    }

    @Test
    void aSustainedRateAboveTheLimitIsRefusedAndAtTheLimitIsServed() {
        TokenBucket bucket = new TokenBucket(5, now::get);
        int served = 0;
        for (int tick = 0; tick < 1000; tick++) { // 10 s at 100 requests/s
            advanceMillis(10);
            if (bucket.take(1) == 0) {
                served++;
            }
        }
        assertThat(served).as("5/s for 10 s, plus the first second's burst").isBetween(50, 56);
    }

    @Test
    void aBatchLargerThanTheBucketIsServedWhenFullAndThenWaitsOutItsDebt() {
        TokenBucket bucket = new TokenBucket(10, now::get);
        assertThat(bucket.take(40)).as("40 histories at 10/s: served, not refused forever").isZero();
        assertThat(bucket.take(1)).as("30 tokens of debt and one more").isEqualTo(3100);
        advanceMillis(3100);
        assertThat(bucket.take(1)).isZero();
    }
}
