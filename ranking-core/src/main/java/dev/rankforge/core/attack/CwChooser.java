package dev.rankforge.core.attack;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.rankforge.core.model.WhiteBoxModel;
import dev.rankforge.core.nn.SequenceBatches;
import java.util.Arrays;
import java.util.Random;

/**
 * Carlini–Wagner style attack through the surrogate. Each chosen slot of the {@link InjectionLayout} is relaxed to
 * a distribution over items (logits {@code w}; the slot's input embedding is {@code softmax(w) · table}, as GBDA
 * does for text), the target slots hold the target. Adam minimises, per history,
 * {@code max(max_{j≠t} z_j − z_t, −κ) + c · H(softmax(w))} (the C&amp;W margin between the best other item's
 * score and the target's, floored at −κ, plus an entropy term that drives each slot toward one item) for a
 * bounded number of steps; each slot is then discretised to its highest-weighted items and refined greedily
 * with the surrogate's target probability ({@link GreedySlotSearch}), last slot first.
 */
final class CwChooser implements ItemChooser {
    static final String NAME = "cw";
    private static final int BATCH = 128;
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    /**
     * @param steps        Adam steps on the relaxed slots
     * @param learningRate Adam step size on the logits
     * @param kappa        margin κ: the target needs to lead the best other item by this much
     * @param c            weight of the entropy term
     * @param candidates   items per slot tried in the greedy pass
     */
    record Settings(int steps, float learningRate, float kappa, float c, int candidates) {
    }

    private final Settings settings;

    CwChooser(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Knowledge knowledge() {
        return Knowledge.SURROGATE;
    }

    @Override
    public int[][] choose(ChooserContext context, int[][] histories, int target, int slots) {
        WhiteBoxModel surrogate = context.requireSurrogate(NAME);
        int extra = surrogate.inferenceInput(new int[0]).length;
        int length = surrogate.spec().maxLength();
        if (length < slots + extra) {
            throw new IllegalArgumentException("the surrogate reads " + length + " positions, fewer than the " + slots
                    + " injected slots");
        }
        int[] chosenSlots = new int[InjectionLayout.chosenSlots(slots)];
        for (int slot = 0, j = 0; slot < slots; slot++) {
            if (!InjectionLayout.isTargetSlot(slot, slots)) {
                chosenSlots[j++] = slot;
            }
        }
        Random random = new Random(context.seed() * 31 + target + 1_000_003L * histories.length
                + (histories.length == 0 ? 0 : histories[0].length));
        int[][] out = new int[histories.length][];
        for (int start = 0; start < histories.length; start += BATCH) {
            int end = Math.min(histories.length, start + BATCH);
            int[][] sequences = InjectionLayout.withTargetCopies(Arrays.copyOfRange(histories, start, end), target,
                    slots);
            float[][][] logits = optimise(surrogate, sequences, target, slots, extra, chosenSlots, random);
            discretiseAndRefine(surrogate, sequences, target, slots, chosenSlots, logits);
            for (int i = 0; i < sequences.length; i++) {
                out[start + i] = Arrays.copyOfRange(sequences[i], sequences[i].length - slots, sequences[i].length);
            }
        }
        return out;
    }

    /** Adam on the relaxed slots; returns the final logits {@code [history][chosen slot][item − 1]}. */
    private float[][][] optimise(WhiteBoxModel surrogate, int[][] sequences, int target, int slots, int extra,
                                 int[] chosenSlots, Random random) {
        int n = surrogate.spec().numItems();
        int length = surrogate.spec().maxLength();
        int b = sequences.length;
        int a = chosenSlots.length;
        float[] w = new float[b * a * n];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (random.nextGaussian() * 1e-3);
        }
        float[] m = new float[w.length];
        float[] v = new float[w.length];
        int[][] inputs = new int[b][];
        for (int i = 0; i < b; i++) {
            inputs[i] = surrogate.inferenceInput(sequences[i]);
        }
        long[] ids = SequenceBatches.leftPad(inputs, length);
        float[] keep = new float[length];
        Arrays.fill(keep, 1f);
        float[] placement = new float[length * a];
        for (int j = 0; j < a; j++) {
            int position = length - extra - slots + chosenSlots[j];
            keep[position] = 0f;
            placement[position * a + j] = 1f;
        }
        for (int step = 1; step <= settings.steps(); step++) {
            float[] gradient = surrogate.differentiate(d -> {
                NDManager manager = d.manager();
                NDArray idArray = manager.create(ids, new Shape(b, length));
                NDArray base = d.embed(idArray);                                              // [b, L, E]
                NDArray items = d.embed(manager.arange(1, n + 1, 1, DataType.INT64));        // [n, E]
                NDArray weights = manager.create(w, new Shape(b, a, n));
                weights.setRequiresGradient(true);
                NDArray probabilities = weights.softmax(2);                                   // [b, a, n]
                NDArray soft = probabilities.matMul(items);                                   // [b, a, E]
                NDArray placed = manager.create(placement, new Shape(length, a)).matMul(soft); // [b, L, E]
                NDArray embedded = base.mul(manager.create(keep, new Shape(1, length, 1))).add(placed);
                NDArray mask = idArray.gt(0).toType(embedded.getDataType(), false);
                NDArray z = d.scores().apply(embedded, mask).get(new NDIndex(":, 1:"));      // [b, n]
                NDArray targetScore = z.get(new NDIndex(":, " + (target - 1)));
                float[] penalty = new float[n];
                penalty[target - 1] = -1e9f;
                NDArray bestOther = z.add(manager.create(penalty)).max(new int[] {1});
                NDArray margin = bestOther.sub(targetScore).maximum(-settings.kappa());
                NDArray entropy = probabilities.mul(probabilities.add(1e-12f).log()).sum(new int[] {2}).neg()
                        .mean(new int[] {1});
                d.collector().backward(margin.add(entropy.mul(settings.c())).sum());
                return weights.getGradient().toFloatArray();
            });
            float correction1 = 1 - (float) Math.pow(BETA1, step);
            float correction2 = 1 - (float) Math.pow(BETA2, step);
            for (int i = 0; i < w.length; i++) {
                m[i] = BETA1 * m[i] + (1 - BETA1) * gradient[i];
                v[i] = BETA2 * v[i] + (1 - BETA2) * gradient[i] * gradient[i];
                w[i] -= settings.learningRate() * (m[i] / correction1) / ((float) Math.sqrt(v[i] / correction2) + EPSILON);
            }
        }
        float[][][] out = new float[b][a][];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < a; j++) {
                out[i][j] = new float[n + 1];
                System.arraycopy(w, (i * a + j) * n, out[i][j], 1, n);
            }
        }
        return out;
    }

    private void discretiseAndRefine(WhiteBoxModel surrogate, int[][] sequences, int target, int slots,
                                     int[] chosenSlots, float[][][] logits) {
        int[][][] ranked = new int[sequences.length][chosenSlots.length][];
        for (int i = 0; i < sequences.length; i++) {
            int offset = sequences[i].length - slots;
            for (int j = 0; j < chosenSlots.length; j++) {
                ranked[i][j] = GreedySlotSearch.best(logits[i][j], settings.candidates(), false, target);
                sequences[i][offset + chosenSlots[j]] = ranked[i][j][0];
            }
        }
        float[] best = surrogate.targetProbability(sequences, target);
        for (int j = chosenSlots.length - 1; j >= 0; j--) {
            int[] positions = new int[sequences.length];
            int[][] tries = new int[sequences.length][];
            for (int i = 0; i < sequences.length; i++) {
                positions[i] = sequences[i].length - slots + chosenSlots[j];
                tries[i] = ranked[i][j];
            }
            best = GreedySlotSearch.refine(surrogate, sequences, positions, tries, target, best);
        }
    }
}
