package dev.rankforge.core.train;

/**
 * Where the training windows of one history end: a model of length L sees at most L + 1 items of a history per
 * example, so a history longer than that trains only on its end unless it is cut into windows. Windows of
 * {@code window} items end every {@code step} items back from the history's end, and the last one starts at the
 * history's first item, so every item is a target in at least one window (the paper's code slides 200-item windows
 * by 100 over ML-1M's long histories, a third of its interactions).
 */
public final class TrainingWindows {
    private TrainingWindows() {
    }

    /**
     * The exclusive end of each window, latest first.
     *
     * @param length the history's length
     * @param window items per window
     * @param step   items between window ends, at most {@code window - 1} (a window of n items holds n - 1
     *               next-item targets, so a longer step would skip items); 0 gives the last window only
     */
    public static int[] ends(int length, int window, int step) {
        if (window < 2 || step < 0 || step > window - 1) {
            throw new IllegalArgumentException("window must be at least 2 and step in 0.." + (window - 1)
                    + ", got window " + window + " and step " + step);
        }
        if (step == 0 || length <= window) {
            return new int[] {length};
        }
        int[] ends = new int[(length - window + step - 1) / step + 1];
        for (int i = 0; i < ends.length - 1; i++) {
            ends[i] = length - i * step;
        }
        ends[ends.length - 1] = window;
        return ends;
    }
}
