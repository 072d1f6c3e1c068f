package dev.rankforge.core.data;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Generates sequences with power-law item popularity and a first-order sequential signal: every item has a
 * few preferred successors (drawn by popularity), and with probability {@code sequentialStrength} the next
 * item is one of the previous item's successors. Users never repeat an item, so leave-one-out targets are
 * always unseen items.
 */
public final class SyntheticGenerator {
    private static final int SUCCESSORS_PER_ITEM = 4;
    private static final int MAX_RESAMPLES = 50;

    private SyntheticGenerator() {
    }

    public static SequenceDataset generate(SyntheticSpec spec) {
        Random random = new Random(spec.seed());
        double[] cumulative = zipfCumulative(spec.items(), spec.zipfExponent());
        int[][] successors = new int[spec.items() + 1][SUCCESSORS_PER_ITEM];
        for (int item = 1; item <= spec.items(); item++) {
            for (int j = 0; j < SUCCESSORS_PER_ITEM; j++) {
                int next;
                do {
                    next = samplePopular(cumulative, random);
                } while (next == item);
                successors[item][j] = next;
            }
        }
        int[][] sequences = new int[spec.users()][];
        int minLength = SequenceDataset.MIN_LENGTH + 2;
        for (int u = 0; u < spec.users(); u++) {
            int length = Math.max(minLength, (int) Math.round(
                    spec.meanLength() + spec.meanLength() * 0.5 * random.nextGaussian()));
            length = Math.min(length, spec.items() / 2);
            int[] s = new int[length];
            Set<Integer> seen = new HashSet<>();
            for (int t = 0; t < length; t++) {
                int item = 0;
                for (int attempt = 0; attempt < MAX_RESAMPLES && (item == 0 || seen.contains(item)); attempt++) {
                    if (t > 0 && random.nextDouble() < spec.sequentialStrength()) {
                        // Earlier successors are preferred: weights 1/2, 1/4, ...
                        int j = Math.min(SUCCESSORS_PER_ITEM - 1, Integer.numberOfTrailingZeros(random.nextInt() | (1 << 30)));
                        item = successors[s[t - 1]][j];
                    } else {
                        item = samplePopular(cumulative, random);
                    }
                }
                while (seen.contains(item)) {
                    item = 1 + random.nextInt(spec.items());
                }
                seen.add(item);
                s[t] = item;
            }
            sequences[u] = s;
        }
        return new SequenceDataset(spec.items(), sequences);
    }

    private static double[] zipfCumulative(int items, double exponent) {
        double[] cumulative = new double[items];
        double total = 0;
        for (int rank = 1; rank <= items; rank++) {
            total += 1.0 / Math.pow(rank, exponent);
            cumulative[rank - 1] = total;
        }
        for (int i = 0; i < items; i++) {
            cumulative[i] /= total;
        }
        return cumulative;
    }

    /** Samples an item id; item 1 is the most popular. */
    private static int samplePopular(double[] cumulative, Random random) {
        double r = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < r) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo + 1;
    }
}
