package dev.rankforge.core.train;

import dev.rankforge.core.data.SequenceDataset;
import java.util.Random;

/**
 * One training batch as flat row-major id arrays: model inputs {@code [rows, length]}, targets
 * {@code [rows, targetLength]} (0 = no target) and, for sampled objectives, negatives shaped like targets.
 */
public record TrainingBatch(long[] inputs, long[] targets, long[] negatives, int rows, int length,
                            int targetLength) {

    /**
     * Cuts a batch from users' training sequences for {@code objective}.
     *
     * @param maskToken id of BERT4Rec's mask token (numItems + 1)
     */
    public static TrainingBatch of(Objective objective, int[][] trainSequences, int length, int numItems,
                                   float maskProbability, Random random) {
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
                yield new TrainingBatch(inputs, targets, null, rows, length, 1);
            }
            case MASKED_ITEM -> {
                long[] inputs = new long[rows * length];
                long[] targets = new long[rows * length];
                for (int r = 0; r < rows; r++) {
                    int[] s = trainSequences[r];
                    int take = Math.min(length, s.length);
                    int base = r * length + length - take;
                    boolean masked = false;
                    for (int i = 0; i < take; i++) {
                        int item = s[s.length - take + i];
                        if (random.nextFloat() < maskProbability) {
                            inputs[base + i] = numItems + 1L;
                            targets[base + i] = item;
                            masked = true;
                        } else {
                            inputs[base + i] = item;
                        }
                    }
                    if (!masked) {
                        int last = base + take - 1;
                        targets[last] = inputs[last];
                        inputs[last] = numItems + 1L;
                    }
                }
                yield new TrainingBatch(inputs, targets, null, rows, length, length);
            }
        };
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
        return new TrainingBatch(inputs, targets, sampled, rows, length, length);
    }
}
