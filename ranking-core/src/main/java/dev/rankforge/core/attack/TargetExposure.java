package dev.rankforge.core.attack;

import dev.rankforge.core.model.BlackBox;
import dev.rankforge.core.metrics.RankingMetrics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * How visible a target item is to users, as the victim answers: the target's mean HR@k and NDCG@k
 * (k = 1, 5, 10) under full ranking (its place in the black box's top-10 list, the user's real items left out) and
 * under the paper's protocol, 100 uniform negatives the user has not seen with the target in the ground truth's
 * place (needs a black box that ranks given candidates).
 */
public final class TargetExposure {
    public static final String FULL_RANKING = "full-ranking";
    public static final String UNIFORM_100 = "uniform-100";
    static final int[] KS = {1, 5, 10};
    static final int NEGATIVES = 100;

    private TargetExposure() {
    }

    /**
     * Metrics keyed by protocol, then {@code hr@k} / {@code ndcg@k}.
     *
     * @param histories  what the victim is asked about (clean or polluted)
     * @param real       the users' real histories, the only items left out of full ranking when the victim allows
     *                   it (otherwise it leaves out everything in {@code histories}, injected items included)
     * @param candidates the sampled protocol's candidate lists, or {@code null} to skip it
     */
    public static Map<String, Map<String, Double>> measure(BlackBox victim, List<int[]> histories, List<int[]> real,
                                                           int target, List<int[]> candidates) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        int k = KS[KS.length - 1];
        List<List<Integer>> lists = victim.excludesOnRequest() ? victim.recommend(histories, real, k)
                : victim.recommend(histories, k);
        out.put(FULL_RANKING, averaged(lists, target));
        if (candidates != null) {
            out.put(UNIFORM_100, averaged(victim.rank(histories, candidates), target));
        }
        return out;
    }

    /**
     * The paper's candidate lists: the target then {@value #NEGATIVES} items drawn uniformly without replacement
     * among those the user has not seen (and not the target), seeded per user and target.
     */
    public static List<int[]> sampledCandidates(List<int[]> histories, int target, int numItems, long seed) {
        List<int[]> out = new ArrayList<>(histories.size());
        for (int u = 0; u < histories.size(); u++) {
            Set<Integer> excluded = new HashSet<>();
            excluded.add(target);
            for (int item : histories.get(u)) {
                excluded.add(item);
            }
            int available = numItems - excluded.size();
            int count = Math.min(NEGATIVES, available);
            Random random = new Random(seed * 1_000_003L + target * 7_919L + u);
            int[] candidates = new int[count + 1];
            candidates[0] = target;
            Set<Integer> drawn = new HashSet<>();
            for (int j = 1; j <= count; ) {
                int item = 1 + random.nextInt(numItems);
                if (!excluded.contains(item) && drawn.add(item)) {
                    candidates[j++] = item;
                }
            }
            out.add(candidates);
        }
        return out;
    }

    private static Map<String, Double> averaged(List<List<Integer>> lists, int target) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int k : KS) {
            double hits = 0;
            double ndcg = 0;
            for (List<Integer> list : lists) {
                int rank = list.subList(0, Math.min(k, list.size())).indexOf(target);
                if (rank >= 0) {
                    hits += RankingMetrics.recall(rank, k);
                    ndcg += RankingMetrics.ndcg(rank, k);
                }
            }
            metrics.put("hr@" + k, hits / lists.size());
            metrics.put("ndcg@" + k, ndcg / lists.size());
        }
        return metrics;
    }
}
