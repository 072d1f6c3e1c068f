package dev.rankforge.core.extract;

import dev.rankforge.core.model.BlackBox;
import dev.rankforge.core.metrics.Agreement;
import dev.rankforge.core.model.ScoringModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How faithfully a surrogate reproduces its victim on real histories: Agreement@1/@10 and EM@K between the
 * victim's answers and the surrogate's top-10 (both excluding the history), next to the agreement a random
 * ranking would reach; and as a retrieval stage before the victim (a pre-ranker distilled from a ranker), cascade
 * recall: the share of the victim's top-10 inside the surrogate's top-100 and top-200.
 */
public final class Fidelity {
    private Fidelity() {
    }

    /**
     * @return {@code agreement@1}, {@code agreement@10}, {@code em@1}, {@code em@10},
     *         {@code randomAgreement@10} (the expected overlap of a uniformly random top-10),
     *         {@code cascadeRecall@100} and {@code cascadeRecall@200}
     */
    public static Map<String, Double> measure(BlackBox victim, ScoringModel surrogate, List<int[]> histories) {
        List<List<Integer>> answered = victim.recommend(histories, 10);
        int[][] asked = histories.toArray(new int[0][]);
        int[][] surrogateTop = surrogate.recommend(asked, asked, CASCADE_DEPTHS[CASCADE_DEPTHS.length - 1]);
        List<int[]> victimLists = new ArrayList<>();
        List<int[]> surrogateLists = new ArrayList<>();
        double random = 0;
        double[] cascade = new double[CASCADE_DEPTHS.length];
        int numItems = surrogate.spec().numItems();
        for (int i = 0; i < histories.size(); i++) {
            int[] victimTop = answered.get(i).stream().mapToInt(Integer::intValue).toArray();
            victimLists.add(victimTop);
            surrogateLists.add(java.util.Arrays.copyOf(surrogateTop[i], Math.min(10, surrogateTop[i].length)));
            long unseen = numItems - java.util.Arrays.stream(histories.get(i)).distinct().count();
            random += 10.0 / Math.max(unseen, 10);
            for (int d = 0; d < CASCADE_DEPTHS.length; d++) {
                cascade[d] += recall(victimTop, surrogateTop[i], CASCADE_DEPTHS[d]);
            }
        }
        Map<String, Double> out = new TreeMap<>(Agreement.between(surrogateLists, victimLists, 1, 10));
        out.put("randomAgreement@10", random / histories.size());
        for (int d = 0; d < CASCADE_DEPTHS.length; d++) {
            out.put("cascadeRecall@" + CASCADE_DEPTHS[d], cascade[d] / histories.size());
        }
        return out;
    }

    /** Depths of the surrogate's list that cascade recall looks into, ascending. */
    private static final int[] CASCADE_DEPTHS = {100, 200};

    /** Share of {@code wanted} among the first {@code depth} of {@code retrieved} (1 when nothing is wanted). */
    private static double recall(int[] wanted, int[] retrieved, int depth) {
        if (wanted.length == 0) {
            return 1;
        }
        java.util.Set<Integer> top = new java.util.HashSet<>();
        for (int j = 0; j < Math.min(depth, retrieved.length); j++) {
            top.add(retrieved[j]);
        }
        return java.util.Arrays.stream(wanted).filter(top::contains).count() / (double) wanted.length;
    }
}
