package dev.rankforge.core.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Users' chronological item sequences with dense item ids {@code 1..numItems}; id {@value #PADDING} is the
 * padding sentinel and never an item. Splits are leave-one-out: a user's last item is the test item, the one
 * before it the validation item, the rest is training. Every user has at least {@value #MIN_LENGTH} items.
 */
public final class SequenceDataset {
    /** The padding sentinel used everywhere in ranking-core. */
    public static final int PADDING = 0;
    /** Shortest sequence that still leaves one training item after the leave-one-out split. */
    public static final int MIN_LENGTH = 3;

    private final int numItems;
    private final int[][] sequences;

    public SequenceDataset(int numItems, int[][] sequences) {
        if (numItems < 1) {
            throw new IllegalArgumentException("numItems must be positive, got " + numItems);
        }
        this.numItems = numItems;
        this.sequences = Objects.requireNonNull(sequences);
        for (int u = 0; u < sequences.length; u++) {
            int[] s = sequences[u];
            if (s.length < MIN_LENGTH) {
                throw new IllegalArgumentException("user " + u + " has " + s.length + " items, fewer than " + MIN_LENGTH);
            }
            for (int item : s) {
                if (item < 1 || item > numItems) {
                    throw new IllegalArgumentException("user " + u + " has item id " + item + " outside 1.." + numItems);
                }
            }
        }
    }

    public int numItems() {
        return numItems;
    }

    public int numUsers() {
        return sequences.length;
    }

    public long numInteractions() {
        long n = 0;
        for (int[] s : sequences) {
            n += s.length;
        }
        return n;
    }

    /** The full chronological sequence of {@code user}; do not modify. */
    public int[] sequence(int user) {
        return sequences[user];
    }

    /** Training part: every item but the last two. */
    public int[] trainSequence(int user) {
        int[] s = sequences[user];
        return Arrays.copyOf(s, s.length - 2);
    }

    /** History used to predict the validation item (equal to the training part). */
    public int[] validationHistory(int user) {
        return trainSequence(user);
    }

    public int validationItem(int user) {
        int[] s = sequences[user];
        return s[s.length - 2];
    }

    /** History used to predict the test item: training part plus the validation item. */
    public int[] testHistory(int user) {
        int[] s = sequences[user];
        return Arrays.copyOf(s, s.length - 1);
    }

    public int testItem(int user) {
        int[] s = sequences[user];
        return s[s.length - 1];
    }

    /** How often each item occurs in the training parts, indexed by item id (index 0 unused). */
    public long[] trainPopularity() {
        long[] counts = new long[numItems + 1];
        for (int[] s : sequences) {
            for (int i = 0; i < s.length - 2; i++) {
                counts[s[i]]++;
            }
        }
        return counts;
    }
}
