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
 * ranking would reach.
 */
public final class Fidelity {
    private Fidelity() {
    }

    /**
     * @return {@code agreement@1}, {@code agreement@10}, {@code em@1}, {@code em@10} and
     *         {@code randomAgreement@10} (the expected overlap of a uniformly random top-10)
     */
    public static Map<String, Double> measure(BlackBox victim, ScoringModel surrogate, List<int[]> histories) {
        List<List<Integer>> answered = victim.recommend(histories, 10);
        int[][] asked = histories.toArray(new int[0][]);
        int[][] surrogateTop = surrogate.recommend(asked, asked, 10);
        List<int[]> victimLists = new ArrayList<>();
        List<int[]> surrogateLists = new ArrayList<>();
        double random = 0;
        int numItems = surrogate.spec().numItems();
        for (int i = 0; i < histories.size(); i++) {
            victimLists.add(answered.get(i).stream().mapToInt(Integer::intValue).toArray());
            surrogateLists.add(surrogateTop[i]);
            long unseen = numItems - java.util.Arrays.stream(histories.get(i)).distinct().count();
            random += 10.0 / Math.max(unseen, 10);
        }
        Map<String, Double> out = new TreeMap<>(Agreement.between(surrogateLists, victimLists, 1, 10));
        out.put("randomAgreement@10", random / histories.size());
        return out;
    }
}
