package dev.rankforge.core.attack;

import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.metrics.RankingMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Profile pollution at inference time: appends the injected items to real users' test histories and
 * measures how far the black box's answer moves toward the target item.
 */
public final class ProfilePollution {
    private ProfilePollution() {
    }

    /**
     * Attacks the first {@code maxUsers} users whose test history does not already contain the target.
     */
    public static PollutionResult run(SequenceDataset data, BlackBox victim, int target, List<Integer> injected,
                                      int maxUsers, int k) {
        if (injected.contains(target)) {
            throw new IllegalArgumentException("the injected items must not contain the target");
        }
        List<int[]> clean = new ArrayList<>();
        for (int u = 0; u < data.numUsers() && clean.size() < maxUsers; u++) {
            int[] history = data.testHistory(u);
            if (Arrays.stream(history).noneMatch(i -> i == target)) {
                clean.add(history);
            }
        }
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("every user has already seen target item " + target);
        }
        List<int[]> polluted = clean.stream().map(h -> append(h, injected)).toList();
        double[] before = targetMetrics(victim.recommend(clean, k), target, k);
        double[] after = targetMetrics(victim.recommend(polluted, k), target, k);
        return new PollutionResult(target, List.copyOf(injected), clean.size(), k, before[0], after[0], before[1],
                after[1], 2L * clean.size());
    }

    private static int[] append(int[] history, List<Integer> injected) {
        int[] out = Arrays.copyOf(history, history.length + injected.size());
        for (int i = 0; i < injected.size(); i++) {
            out[history.length + i] = injected.get(i);
        }
        return out;
    }

    /** Mean {HR@k, NDCG@k} of the target over the answered lists. */
    private static double[] targetMetrics(List<List<Integer>> lists, int target, int k) {
        double hits = 0;
        double ndcg = 0;
        for (List<Integer> list : lists) {
            int position = list.subList(0, Math.min(k, list.size())).indexOf(target);
            if (position >= 0) {
                hits += RankingMetrics.recall(position, k);
                ndcg += RankingMetrics.ndcg(position, k);
            }
        }
        return new double[] {hits / lists.size(), ndcg / lists.size()};
    }
}
