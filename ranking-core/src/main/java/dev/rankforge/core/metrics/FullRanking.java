package dev.rankforge.core.metrics;

import java.util.Random;

/** The full-ranking protocol: the target against every item the user has not interacted with. */
final class FullRanking implements EvaluationProtocol {
    static final FullRanking INSTANCE = new FullRanking();

    @Override
    public String name() {
        return "full-ranking";
    }

    @Override
    public int rank(float[] scores, int target, int[] history, Random random) {
        return RankingMetrics.fullRank(scores, target, history);
    }
}
