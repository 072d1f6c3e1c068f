package dev.rankforge.core.metrics;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How closely two recommenders agree on the same inputs (black-box extraction's fidelity measure):
 * {@code agreement@K = |topK(a) ∩ topK(b)| / K} and {@code em@K}, the share of inputs whose top-K lists are
 * identical item by item, both averaged over inputs.
 */
public final class Agreement {
    private Agreement() {
    }

    /** Compares ranked lists (best first) answered by two models for the same inputs. */
    public static Map<String, Double> between(List<int[]> a, List<int[]> b, int... ks) {
        if (a.size() != b.size() || a.isEmpty()) {
            throw new IllegalArgumentException("need the same, non-zero number of lists from both models");
        }
        Map<String, Double> out = new TreeMap<>();
        for (int k : ks) {
            double overlap = 0;
            double exact = 0;
            for (int i = 0; i < a.size(); i++) {
                int[] x = a.get(i);
                int[] y = b.get(i);
                if (x.length < k || y.length < k) {
                    throw new IllegalArgumentException("list " + i + " is shorter than k = " + k);
                }
                Set<Integer> top = new HashSet<>();
                boolean same = true;
                for (int r = 0; r < k; r++) {
                    top.add(x[r]);
                    same &= x[r] == y[r];
                }
                int common = 0;
                for (int r = 0; r < k; r++) {
                    if (top.contains(y[r])) {
                        common++;
                    }
                }
                overlap += (double) common / k;
                exact += same ? 1 : 0;
            }
            out.put("agreement@" + k, overlap / a.size());
            out.put("em@" + k, exact / a.size());
        }
        return out;
    }
}
