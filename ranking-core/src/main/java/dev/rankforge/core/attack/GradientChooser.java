package dev.rankforge.core.attack;

import dev.rankforge.core.model.WhiteBoxModel;

/**
 * The extraction paper's surrogate-gradient attack (Yue et al., RecSys 2021). The history gets {@code slots}
 * copies of the target appended; one backward pass of the surrogate gives the gradient {@code g} of the target's
 * cross-entropy with respect to each slot's input embedding {@code e}. Slots are then visited from the last one
 * back: a slot whose successor holds the target (and always the last slot) is replaced by the item whose
 * embedding has the highest cosine similarity with {@code e − sign(g)} (a step against the gradient, mapped back
 * to the catalogue; target excluded); every slot then tries its top candidates greedily
 * ({@link GreedySlotSearch}). The result mostly alternates target and adversarial items, the last slot
 * adversarial; the greedy pass may also put another item in a target slot when the surrogate prefers it.
 *
 * <p>{@code ascending} ranks candidates by the <em>lowest</em> cosine similarity instead: what the paper's
 * released code does when it builds poisoning profiles (an ascending sort), offered as {@code gradient-paper}.
 * Unlike the paper's code, the gradient is taken with the surrogate in inference mode (no dropout), so the
 * choice is deterministic.
 */
final class GradientChooser implements ItemChooser {
    static final String NAME = "gradient";
    static final String NAME_PAPER = "gradient-paper";
    private static final int BATCH = 128;

    private final boolean ascending;
    private final int candidates;

    GradientChooser(boolean ascending, int candidates) {
        this.ascending = ascending;
        this.candidates = candidates;
    }

    @Override
    public String name() {
        return ascending ? NAME_PAPER : NAME;
    }

    @Override
    public Knowledge knowledge() {
        return Knowledge.SURROGATE;
    }

    @Override
    public int[][] choose(ChooserContext context, int[][] histories, int target, int slots) {
        WhiteBoxModel surrogate = context.requireSurrogate(name());
        int extra = surrogate.inferenceInput(new int[0]).length;
        if (surrogate.spec().maxLength() < slots + extra) {
            throw new IllegalArgumentException("the surrogate reads " + surrogate.spec().maxLength()
                    + " positions, fewer than the " + slots + " injected slots");
        }
        float[][] normalised = normalisedRows(surrogate.itemEmbeddings());
        int[][] out = new int[histories.length][];
        for (int start = 0; start < histories.length; start += BATCH) {
            int end = Math.min(histories.length, start + BATCH);
            int[][] sequences = InjectionLayout.withTargetCopies(
                    java.util.Arrays.copyOfRange(histories, start, end), target, slots);
            float[][][] gradients = surrogate.targetGradient(sequences, target);
            float[] targetEmbedding = surrogate.itemEmbeddings()[target];
            float[] best = null;
            for (int num = 0; num < slots; num++) {
                int[][] tries = new int[sequences.length][];
                int[] positions = new int[sequences.length];
                for (int i = 0; i < sequences.length; i++) {
                    int position = sequences[i].length - 1 - num;
                    positions[i] = position;
                    float[] similarity = cosineToAll(step(targetEmbedding, gradients[i][position]), normalised);
                    boolean replace = num == 0 || sequences[i][position + 1] == target;
                    int[] ranked = GreedySlotSearch.best(similarity, candidates, ascending, replace ? target : -1);
                    if (replace) {
                        sequences[i][position] = ranked[0];
                    }
                    tries[i] = ranked;
                }
                // A replaced slot changes the probability; otherwise the last pass's result still holds.
                best = best == null || anyReplaced(sequences, positions, tries, target)
                        ? surrogate.targetProbability(sequences, target) : best;
                best = GreedySlotSearch.refine(surrogate, sequences, positions, tries, target, best);
            }
            for (int i = 0; i < sequences.length; i++) {
                int length = sequences[i].length;
                out[start + i] = java.util.Arrays.copyOfRange(sequences[i], length - slots, length);
            }
        }
        return out;
    }

    private static boolean anyReplaced(int[][] sequences, int[] positions, int[][] tries, int target) {
        for (int i = 0; i < sequences.length; i++) {
            if (sequences[i][positions[i]] != target) {
                return true;
            }
        }
        return false;
    }

    private static float[] step(float[] embedding, float[] gradient) {
        float[] out = new float[embedding.length];
        for (int d = 0; d < out.length; d++) {
            out[d] = embedding[d] - Math.signum(gradient[d]);
        }
        return out;
    }

    /** Cosine similarity of {@code direction} with every item row (index = item id; row 0 unused). */
    static float[] cosineToAll(float[] direction, float[][] normalisedRows) {
        double norm = 0;
        for (float v : direction) {
            norm += v * v;
        }
        float scale = (float) (1 / Math.max(Math.sqrt(norm), 1e-6));
        float[] out = new float[normalisedRows.length];
        for (int item = 1; item < normalisedRows.length; item++) {
            float[] row = normalisedRows[item];
            float dot = 0;
            for (int d = 0; d < row.length; d++) {
                dot += row[d] * direction[d];
            }
            out[item] = dot * scale;
        }
        return out;
    }

    static float[][] normalisedRows(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double norm = 0;
            for (float v : rows[i]) {
                norm += v * v;
            }
            float scale = (float) (1 / Math.max(Math.sqrt(norm), 1e-6));
            out[i] = new float[rows[i].length];
            for (int d = 0; d < out[i].length; d++) {
                out[i][d] = rows[i][d] * scale;
            }
        }
        return out;
    }
}
