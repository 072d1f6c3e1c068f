package dev.rankforge.core.nn;

import dev.rankforge.core.data.SequenceDataset;

/** The networks' input rows: item sequences truncated and left-padded into fixed-length id rows (padding id 0). */
public final class SequenceBatches {
    private SequenceBatches() {
    }

    /** The last {@code length} items of each sequence, right-aligned in a row-major {@code [n, length]} array. */
    public static long[] leftPad(int[][] sequences, int length) {
        long[] out = new long[sequences.length * length];
        for (int row = 0; row < sequences.length; row++) {
            int[] s = sequences[row];
            int take = Math.min(length, s.length);
            int base = row * length + (length - take);
            for (int i = 0; i < take; i++) {
                out[base + i] = s[s.length - take + i];
            }
        }
        return out;
    }

    /**
     * Next-item training pairs for a user's training sequence: inputs are {@code s[0..n-2]}, targets
     * {@code s[1..n-1]}, both truncated to the last {@code length} positions and left-padded.
     */
    public static void nextItemRow(int[] train, int length, long[] inputs, long[] targets, int row) {
        int pairs = train.length - 1;
        int take = Math.min(length, pairs);
        int base = row * length + (length - take);
        for (int i = 0; i < take; i++) {
            int t = pairs - take + i;
            inputs[base + i] = train[t];
            targets[base + i] = train[t + 1];
        }
        for (int i = row * length; i < base; i++) {
            inputs[i] = SequenceDataset.PADDING;
            targets[i] = SequenceDataset.PADDING;
        }
    }
}
