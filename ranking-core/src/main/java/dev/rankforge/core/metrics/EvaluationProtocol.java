package dev.rankforge.core.metrics;

import java.util.Random;

/**
 * How the held-out item is ranked: against every unseen item (full ranking, the default) or against a
 * sample of unseen items. Sampled and full-ranking numbers are not comparable; every result carries
 * {@link #name()}.
 */
public interface EvaluationProtocol {
    /** Reported beside every number, e.g. {@code full-ranking} or {@code uniform-100}. */
    String name();

    /** 0-based rank of {@code target} under this protocol; items in {@code history} never compete. */
    int rank(float[] scores, int target, int[] history, Random random);

    /** Rank against all unseen items. */
    static EvaluationProtocol fullRanking() {
        return FullRanking.INSTANCE;
    }

    /** Rank against {@code count} unseen items drawn uniformly without replacement. */
    static EvaluationProtocol uniformNegatives(int count) {
        return new SampledNegatives(count, null);
    }

    /** Rank against {@code count} unseen items drawn without replacement, proportionally to popularity. */
    static EvaluationProtocol popularityNegatives(int count, long[] popularity) {
        return new SampledNegatives(count, popularity);
    }
}
