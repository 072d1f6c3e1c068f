package dev.rankforge.data.ingest;

import dev.rankforge.core.data.SequenceDataset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Descriptive statistics of a dataset version, as shown by {@code GET /datasets/{id}}. */
public final class DatasetStatistics {
    private DatasetStatistics() {
    }

    /**
     * Users, items, interactions, density, sequence-length percentiles (p50, p90, p99, min, max, mean) and the
     * Gini coefficient of item popularity (0 = every item equally popular, toward 1 = a few items take all).
     */
    public static Map<String, Object> of(SequenceDataset data) {
        int users = data.numUsers();
        int[] lengths = new int[users];
        long[] popularity = new long[data.numItems() + 1];
        long interactions = 0;
        for (int u = 0; u < users; u++) {
            int[] s = data.sequence(u);
            lengths[u] = s.length;
            interactions += s.length;
            for (int item : s) {
                popularity[item]++;
            }
        }
        Arrays.sort(lengths);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("users", users);
        out.put("items", data.numItems());
        out.put("interactions", interactions);
        out.put("density", (double) interactions / ((double) users * data.numItems()));
        Map<String, Object> length = new LinkedHashMap<>();
        length.put("min", lengths[0]);
        length.put("p50", percentile(lengths, 0.50));
        length.put("p90", percentile(lengths, 0.90));
        length.put("p99", percentile(lengths, 0.99));
        length.put("max", lengths[users - 1]);
        length.put("mean", (double) interactions / users);
        out.put("sequenceLength", length);
        out.put("itemPopularityGini", gini(Arrays.copyOfRange(popularity, 1, popularity.length)));
        return out;
    }

    static int percentile(int[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    /** Gini of non-negative counts: {@code sum_i (2i - n - 1) x_(i) / (n sum x)} over ascending x, i from 1. */
    static double gini(long[] counts) {
        long[] x = counts.clone();
        Arrays.sort(x);
        int n = x.length;
        double weighted = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            weighted += (2.0 * (i + 1) - n - 1) * x[i];
            total += x[i];
        }
        return total == 0 ? 0 : weighted / (n * total);
    }
}
