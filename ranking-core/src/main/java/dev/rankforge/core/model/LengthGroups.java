package dev.rankforge.core.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits a batch of inference inputs into forward passes of similar length. A pass costs its rows times its
 * longest input (the rest is padding) plus a fixed cost of its own (the block's
 * {@link dev.rankforge.core.nn.SequenceRecommender#inferencePassCost()}), so rows are sorted by length and cut into
 * contiguous groups of at most {@code maxRows}, chosen by dynamic programming to minimise that total: black-box
 * queries of 1–200 items become a few passes where a pass is cheap (transformers), and stay one pass cut to the
 * longest where a pass is dear (the recurrent models); a lone short query never pays for 200 positions.
 */
final class LengthGroups {
    private LengthGroups() {
    }

    /**
     * Row indices per pass; each pass's rows in ascending length, every row in exactly one pass.
     *
     * @param passCost a pass's fixed cost in row positions
     */
    static List<int[]> of(int[] lengths, int maxRows, int passCost) {
        int n = lengths.length;
        int[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingInt(i -> lengths[i]))
                .mapToInt(Integer::intValue).toArray();
        long[] best = new long[n + 1];  // best[j]: least cost of the first j sorted rows
        int[] start = new int[n + 1];   // where the last pass of that optimum starts
        for (int j = 1; j <= n; j++) {
            best[j] = Long.MAX_VALUE;
            long longest = lengths[order[j - 1]];
            for (int i = j - 1; i >= Math.max(0, j - maxRows); i--) {
                long cost = best[i] + passCost + (j - i) * longest;
                if (cost < best[j]) {
                    best[j] = cost;
                    start[j] = i;
                }
            }
        }
        List<int[]> groups = new ArrayList<>();
        for (int j = n; j > 0; j = start[j]) {
            int from = start[j];
            int[] group = new int[j - from];
            System.arraycopy(order, from, group, 0, group.length);
            groups.add(0, group);
        }
        return groups;
    }
}
