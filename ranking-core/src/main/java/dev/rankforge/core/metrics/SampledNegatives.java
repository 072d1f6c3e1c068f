package dev.rankforge.core.metrics;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * The sampled protocol of BERT4Rec and the extraction paper: the target against N negatives the user has
 * not interacted with, drawn without replacement uniformly or proportionally to item popularity.
 */
final class SampledNegatives implements EvaluationProtocol {
    private final int count;
    private final double[] cumulative;

    /** @param popularity counts indexed by item id, or {@code null} for uniform sampling */
    SampledNegatives(int count, long[] popularity) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one negative");
        }
        this.count = count;
        if (popularity == null) {
            this.cumulative = null;
        } else {
            this.cumulative = new double[popularity.length];
            double total = 0;
            for (int item = 1; item < popularity.length; item++) {
                total += popularity[item];
                cumulative[item] = total;
            }
        }
    }

    @Override
    public String name() {
        return (cumulative == null ? "uniform-" : "popularity-") + count;
    }

    @Override
    public int rank(float[] scores, int target, int[] history, Random random) {
        int items = scores.length - 1;
        Set<Integer> excluded = new HashSet<>();
        excluded.add(target);
        for (int item : history) {
            excluded.add(item);
        }
        int available = items - excluded.size();
        if (available < count) {
            throw new IllegalArgumentException("only " + available + " unseen items for " + count + " negatives");
        }
        Set<Integer> negatives = new HashSet<>();
        int attempts = 0;
        while (negatives.size() < count) {
            int item = cumulative == null || attempts++ > 100 * count ? 1 + random.nextInt(items) : samplePopular(random);
            if (!excluded.contains(item)) {
                negatives.add(item);
            }
        }
        float targetScore = scores[target];
        int rank = 0;
        for (int item : negatives) {
            if (!(scores[item] <= targetScore)) {
                rank++;
            }
        }
        return rank;
    }

    private int samplePopular(Random random) {
        double r = random.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 1;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] <= r) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
