package dev.rankforge.core.metrics;

import java.util.Map;
import java.util.TreeMap;

/**
 * Streams per-user ranks (one held-out item per user) into mean metrics keyed {@code ndcg@K},
 * {@code recall@K} (= hit rate), {@code precision@K}, {@code map@K} and {@code mrr}.
 */
public final class MetricAccumulator {
    private final int[] ks;
    private final double[] ndcgSums;
    private final double[] recallSums;
    private final double[] apSums;
    private double reciprocalRankSum;
    private int users;

    public MetricAccumulator(int... ks) {
        if (ks.length == 0) {
            throw new IllegalArgumentException("at least one cut-off is needed");
        }
        this.ks = ks.clone();
        this.ndcgSums = new double[ks.length];
        this.recallSums = new double[ks.length];
        this.apSums = new double[ks.length];
    }

    public void add(int rank) {
        for (int i = 0; i < ks.length; i++) {
            ndcgSums[i] += RankingMetrics.ndcg(rank, ks[i]);
            recallSums[i] += RankingMetrics.recall(rank, ks[i]);
            apSums[i] += RankingMetrics.averagePrecision(rank, ks[i]);
        }
        reciprocalRankSum += RankingMetrics.reciprocalRank(rank);
        users++;
    }

    public int users() {
        return users;
    }

    /** Means over the users added so far (all zero when none were). */
    public Map<String, Double> result() {
        Map<String, Double> out = new TreeMap<>();
        double n = Math.max(users, 1);
        for (int i = 0; i < ks.length; i++) {
            out.put("ndcg@" + ks[i], ndcgSums[i] / n);
            out.put("recall@" + ks[i], recallSums[i] / n);
            out.put("precision@" + ks[i], recallSums[i] / ks[i] / n);
            out.put("map@" + ks[i], apSums[i] / n);
        }
        out.put("mrr", reciprocalRankSum / n);
        return out;
    }
}
