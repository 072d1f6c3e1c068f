package dev.rankforge.core.attack;

import dev.rankforge.core.data.SequenceDataset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Co-visitation statistics of the training sequences, used to pick pollution items: items after which the
 * target most likely comes next, {@code P(target | previous = p) = count(p -> target) / count(p -> *)}.
 */
public final class CoVisitation {
    /** Transitions seen fewer times than this are noise, not evidence. */
    static final int MIN_SUPPORT = 2;

    private final SequenceDataset data;
    private final long[] outgoing;

    public CoVisitation(SequenceDataset data) {
        this.data = data;
        this.outgoing = new long[data.numItems() + 1];
        for (int u = 0; u < data.numUsers(); u++) {
            int[] train = data.trainSequence(u);
            for (int t = 1; t < train.length; t++) {
                outgoing[train[t - 1]]++;
            }
        }
    }

    /**
     * Up to {@code count} items that most strongly lead to {@code target}, ordered for appending: the
     * strongest comes last, right before the position the victim predicts. Never contains the target.
     */
    public List<Integer> pollutionItems(int target, int count) {
        long[] toTarget = countsInto(target);
        List<Integer> strongestFirst = IntStream.rangeClosed(1, data.numItems())
                .filter(item -> item != target && toTarget[item] >= MIN_SUPPORT)
                .boxed()
                .sorted(Comparator.<Integer>comparingDouble(item -> -strength(toTarget, item))
                        .thenComparing(item -> item))
                .limit(count)
                .toList();
        List<Integer> ordered = new ArrayList<>(strongestFirst);
        Collections.reverse(ordered);
        return ordered;
    }

    /**
     * A target worth promoting: outside the most popular quarter of items, and among those one of the five
     * with the strongest single lead-in item (seeded choice).
     */
    public int chooseTarget(long seed) {
        long[] popularity = data.trainPopularity();
        List<Integer> byPopularity = IntStream.rangeClosed(1, data.numItems()).boxed()
                .filter(item -> popularity[item] > 0)
                .sorted(Comparator.<Integer>comparingLong(item -> -popularity[item]).thenComparing(item -> item))
                .toList();
        double[] leadIn = bestLeadIns();
        List<Integer> candidates = byPopularity.subList(byPopularity.size() / 4, byPopularity.size()).stream()
                .filter(item -> leadIn[item] > 0)
                .sorted(Comparator.<Integer>comparingDouble(item -> -leadIn[item]).thenComparing(item -> item))
                .limit(5)
                .toList();
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no item has a lead-in item seen at least " + MIN_SUPPORT + " times");
        }
        return candidates.get(new Random(seed).nextInt(candidates.size()));
    }

    /** For every item, the strongest {@code P(item | previous)} over lead-ins with enough support; one pass. */
    private double[] bestLeadIns() {
        long width = data.numItems() + 1L;
        Map<Long, Integer> pairs = new HashMap<>();
        for (int u = 0; u < data.numUsers(); u++) {
            int[] train = data.trainSequence(u);
            for (int t = 1; t < train.length; t++) {
                if (train[t - 1] != train[t]) {
                    pairs.merge(train[t - 1] * width + train[t], 1, Integer::sum);
                }
            }
        }
        double[] best = new double[(int) width];
        pairs.forEach((pair, count) -> {
            if (count >= MIN_SUPPORT) {
                int previous = (int) (pair / width);
                int item = (int) (pair % width);
                best[item] = Math.max(best[item], (double) count / outgoing[previous]);
            }
        });
        return best;
    }

    private double strength(long[] toTarget, int item) {
        return (double) toTarget[item] / outgoing[item];
    }

    private long[] countsInto(int target) {
        long[] counts = new long[data.numItems() + 1];
        for (int u = 0; u < data.numUsers(); u++) {
            int[] train = data.trainSequence(u);
            for (int t = 1; t < train.length; t++) {
                if (train[t] == target) {
                    counts[train[t - 1]]++;
                }
            }
        }
        return counts;
    }
}
