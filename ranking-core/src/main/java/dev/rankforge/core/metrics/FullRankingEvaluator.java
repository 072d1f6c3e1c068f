package dev.rankforge.core.metrics;

import dev.rankforge.core.data.SequenceDataset;
import java.util.Map;

/**
 * Evaluates a {@link Scorer} under the full-ranking protocol: the held-out item is ranked against every item
 * the user has not interacted with in the history.
 */
public final class FullRankingEvaluator {
    /** Name reported beside every number this evaluator produces. */
    public static final String PROTOCOL = "full-ranking";
    private static final int BATCH = 256;

    private FullRankingEvaluator() {
    }

    /** Evaluates the first {@code maxUsers} users (all when {@code maxUsers <= 0}). */
    public static Map<String, Double> evaluate(SequenceDataset data, Scorer scorer, Split split, int maxUsers,
                                               int... ks) {
        int users = maxUsers <= 0 ? data.numUsers() : Math.min(maxUsers, data.numUsers());
        MetricAccumulator accumulator = new MetricAccumulator(ks);
        for (int start = 0; start < users; start += BATCH) {
            int end = Math.min(users, start + BATCH);
            int[][] histories = new int[end - start][];
            for (int u = start; u < end; u++) {
                histories[u - start] = split.history(data, u);
            }
            float[][] scores = scorer.score(histories);
            for (int u = start; u < end; u++) {
                accumulator.add(RankingMetrics.fullRank(scores[u - start], split.target(data, u), histories[u - start]));
            }
        }
        return accumulator.result();
    }
}
