package dev.rankforge.core.metrics;

/**
 * Per-user ranking metrics from the 0-based rank of the single held-out item (leave-one-out), and the
 * full-ranking rank computation with seen items excluded.
 */
public final class RankingMetrics {
    private RankingMetrics() {
    }

    /**
     * 0-based rank of {@code target} among all items {@code 1..scores.length-1} that are not in {@code seen}:
     * the number of such items scored strictly higher. Ties count in the target's favour; a NaN score (a diverged
     * model) counts against the target, so a broken model can never look good.
     */
    public static int fullRank(float[] scores, int target, int[] seen) {
        boolean[] excluded = new boolean[scores.length];
        excluded[0] = true;
        for (int item : seen) {
            excluded[item] = true;
        }
        float targetScore = scores[target];
        int rank = 0;
        for (int item = 1; item < scores.length; item++) {
            if (!excluded[item] && item != target && !(scores[item] <= targetScore)) {
                rank++;
            }
        }
        return rank;
    }

    /** NDCG@k with one relevant item: {@code 1 / log2(rank + 2)} inside the cut-off, else 0. */
    public static double ndcg(int rank, int k) {
        return rank < k ? 1.0 / (Math.log(rank + 2) / Math.log(2)) : 0.0;
    }

    /** Recall@k (= hit rate @k with one relevant item). */
    public static double recall(int rank, int k) {
        return rank < k ? 1.0 : 0.0;
    }

    /** AP@k with one relevant item: {@code 1 / (rank + 1)} inside the cut-off, else 0. */
    public static double averagePrecision(int rank, int k) {
        return rank < k ? 1.0 / (rank + 1) : 0.0;
    }

    /** Reciprocal rank {@code 1 / (rank + 1)}. */
    public static double reciprocalRank(int rank) {
        return 1.0 / (rank + 1);
    }
}
