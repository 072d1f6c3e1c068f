package dev.rankforge.core.attack;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The paper's target items: {@code count} items at evenly spaced popularity ranks (step = items / count,
 * starting at the most popular), so targets range from head to tail items.
 */
public final class AttackTargets {
    /** The paper's number of targets. */
    public static final int PAPER_COUNT = 25;

    private AttackTargets() {
    }

    /** @param popularity interaction counts indexed by item id (index 0 unused); items never seen rank last */
    public static List<Integer> evenlySpaced(long[] popularity, int count) {
        int items = popularity.length - 1;
        if (count < 1 || count > items) {
            throw new IllegalArgumentException("target count must be in 1.." + items + ", got " + count);
        }
        List<Integer> byPopularity = mostPopularFirst(popularity);
        int step = items / count;
        return IntStream.range(0, count).mapToObj(r -> byPopularity.get(r * step)).toList();
    }

    /** 0-based popularity rank of each item (most popular = 0), ties by id. */
    public static int[] popularityRanks(long[] popularity) {
        List<Integer> byPopularity = mostPopularFirst(popularity);
        int[] ranks = new int[popularity.length];
        for (int r = 0; r < byPopularity.size(); r++) {
            ranks[byPopularity.get(r)] = r;
        }
        return ranks;
    }

    /** Item ids 1..n, most popular first, ties by id. */
    static List<Integer> mostPopularFirst(long[] popularity) {
        return IntStream.rangeClosed(1, popularity.length - 1).boxed()
                .sorted(Comparator.<Integer>comparingLong(item -> -popularity[item]).thenComparing(item -> item))
                .toList();
    }
}
