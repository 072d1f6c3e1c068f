package dev.rankforge.core.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.rankforge.core.data.SequenceDataset;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * One training batch as flat row-major id arrays: model inputs {@code [rows, length]}, targets
 * {@code [rows, targetLength]} (0 = no target), for sampled objectives negatives shaped like targets, and for the
 * prefixes objective the input position each target follows, shaped like targets.
 */
public record TrainingBatch(long[] inputs, long[] targets, long[] negatives, long[] positions, int rows, int length,
                            int targetLength) {
    /** The block's training inputs: the id rows, and for the prefixes objective the positions of its targets. */
    public NDList inputs(NDManager manager) {
        NDList out = new NDList(manager.create(inputs, new Shape(rows, length)));
        if (positions != null) {
            out.add(manager.create(positions, new Shape(rows, targetLength)));
        }
        return out;
    }

    /** The loss's labels: the targets, and for sampled objectives their negatives. */
    public NDList labels(NDManager manager) {
        NDList out = new NDList(manager.create(targets, new Shape(rows, targetLength)));
        if (negatives != null) {
            out.add(manager.create(negatives, new Shape(rows, targetLength)));
        }
        return out;
    }

    /**
     * Most elements of NARM's pairwise attention {@code [rows, prefixes, length, hidden]} one batch may build
     * (64 Mi floats, 256 MB, a few times that with its gradients): every prefix fits for short sequences; for long
     * ones a random subset per sequence does.
     */
    public static final long PREFIX_ATTENTION_BUDGET = 64L << 20;

    /** Prefixes per sequence the prefixes objective scores in one batch of {@code rows} under the budget. */
    public static int prefixesPerRow(int rows, int length, int hiddenSize) {
        long perPrefix = (long) rows * length * hiddenSize;
        return (int) Math.max(1, Math.min(length, PREFIX_ATTENTION_BUDGET / Math.max(perPrefix, 1)));
    }

    /**
     * Cuts a batch from users' training sequences for {@code objective}.
     *
     * @param maskToken id of BERT4Rec's mask token (numItems + 1)
     */
    public static TrainingBatch of(Objective objective, int[][] trainSequences, int length, int numItems,
                                   float maskProbability, Random random) {
        return of(objective, trainSequences, length, numItems, maskProbability, length, random);
    }

    /** @param prefixes prefixes per sequence for {@link Objective#NEXT_ITEM_PREFIXES} (see {@link #prefixesPerRow}) */
    public static TrainingBatch of(Objective objective, int[][] trainSequences, int length, int numItems,
                                   float maskProbability, int prefixes, Random random) {
        int rows = trainSequences.length;
        return switch (objective) {
            case NEXT_ITEM_ALL_POSITIONS -> allPositions(trainSequences, length, false, numItems, random);
            case NEXT_ITEM_SAMPLED_BCE -> allPositions(trainSequences, length, true, numItems, random);
            case NEXT_ITEM_LAST_POSITION -> {
                long[] inputs = new long[rows * length];
                long[] targets = new long[rows];
                for (int r = 0; r < rows; r++) {
                    int[] s = trainSequences[r];
                    int cut = 1 + random.nextInt(s.length - 1);
                    int take = Math.min(length, cut);
                    for (int i = 0; i < take; i++) {
                        inputs[r * length + length - take + i] = s[cut - take + i];
                    }
                    targets[r] = s[cut];
                }
                yield new TrainingBatch(inputs, targets, null, null, rows, length, 1);
            }
            case NEXT_ITEM_PREFIXES, IN_BATCH_SOFTMAX, IN_BATCH_SOFTMAX_UNCORRECTED ->
                    prefixes(trainSequences, length, prefixes, random);
            case MASKED_ITEM, MASKED_ITEM_AND_LAST -> masked(trainSequences, length, numItems, maskProbability,
                    objective == Objective.MASKED_ITEM_AND_LAST, random);
        };
    }

    /** Cloze rows: items masked at random (at least one per row), and with {@code maskLast} the last one always. */
    private static TrainingBatch masked(int[][] trainSequences, int length, int numItems, float maskProbability,
                                        boolean maskLast, Random random) {
        int rows = trainSequences.length;
        long[] inputs = new long[rows * length];
        long[] targets = new long[rows * length];
        for (int r = 0; r < rows; r++) {
            int[] s = trainSequences[r];
            int take = Math.min(length, s.length);
            int base = r * length + length - take;
            boolean masked = false;
            for (int i = 0; i < take; i++) {
                int item = s[s.length - take + i];
                boolean last = i == take - 1;
                if (random.nextFloat() < maskProbability || (last && (maskLast || !masked))) {
                    inputs[base + i] = numItems + 1L;
                    targets[base + i] = item;
                    masked = true;
                } else {
                    inputs[base + i] = item;
                }
            }
        }
        return new TrainingBatch(inputs, targets, null, null, rows, length, length);
    }

    private static TrainingBatch allPositions(int[][] trainSequences, int length, boolean negatives, int numItems,
                                              Random random) {
        int rows = trainSequences.length;
        long[] inputs = new long[rows * length];
        long[] targets = new long[rows * length];
        long[] sampled = negatives ? new long[rows * length] : null;
        for (int r = 0; r < rows; r++) {
            SequenceBatches.nextItemRow(trainSequences[r], length, inputs, targets, r);
            if (negatives) {
                java.util.Set<Integer> seen = new java.util.HashSet<>();
                for (int item : trainSequences[r]) {
                    seen.add(item);
                }
                for (int i = r * length; i < (r + 1) * length; i++) {
                    if (targets[i] != SequenceDataset.PADDING) {
                        int negative;
                        int attempts = 0;
                        do {
                            negative = 1 + random.nextInt(numItems);
                        } while (seen.contains(negative) && ++attempts < 20);
                        sampled[i] = negative;
                    }
                }
            }
        }
        return new TrainingBatch(inputs, targets, sampled, null, rows, length, length);
    }

    /**
     * The next-item rows of {@link SequenceBatches#nextItemRow}, and per row up to {@code prefixes} positions with a
     * target (all of them when they fit, else a random subset in order); unused slots point at the last position
     * with no target.
     */
    private static TrainingBatch prefixes(int[][] trainSequences, int length, int prefixes, Random random) {
        int rows = trainSequences.length;
        int mostPairs = 0;
        for (int[] s : trainSequences) {
            mostPairs = Math.max(mostPairs, Math.min(length, s.length - 1));
        }
        int width = Math.max(1, Math.min(prefixes, mostPairs));
        long[] inputs = new long[rows * length];
        long[] allTargets = new long[rows * length];
        long[] targets = new long[rows * width];
        long[] positions = new long[rows * width];
        for (int r = 0; r < rows; r++) {
            SequenceBatches.nextItemRow(trainSequences[r], length, inputs, allTargets, r);
            int real = Math.min(length, trainSequences[r].length - 1);
            int first = length - real;
            int[] chosen = real <= width ? IntStream.range(first, length).toArray()
                    : random.ints(first, length).distinct().limit(width).sorted().toArray();
            for (int i = 0; i < width; i++) {
                int position = i < chosen.length ? chosen[i] : length - 1;
                positions[r * width + i] = position;
                targets[r * width + i] = i < chosen.length ? allTargets[r * length + position] : 0;
            }
        }
        return new TrainingBatch(inputs, targets, null, positions, rows, length, width);
    }
}
