package dev.rankforge.core.model;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.nn.SequenceRecommender;
import dev.rankforge.core.nn.SequenceBatches;
import java.util.function.Function;

/**
 * A trained model opened up for white-box attacks (the surrogate): its item-embedding table, the softmax
 * probability of a target item after histories, the gradient of the target's cross-entropy with respect to the
 * input embeddings, and a differentiable scoring path from arbitrary input embeddings (soft one-hot inputs are
 * embeddings: {@code softmax(w) · table}). Inputs are laid out as for scoring: the architecture's inference input
 * (BERT4Rec appends its mask token), the last {@code maxLength} positions, left-padded.
 *
 * <p>The model is evaluated in inference mode (no dropout), so gradients are deterministic. DJL's PyTorch engine
 * allows one gradient collector per process at a time, so this class serialises its gradient computations on
 * {@link #GRADIENT_LOCK}; training in the same process (which opens its own collectors) must not run at once.
 */
public final class WhiteBoxModel {
    /** Held while a gradient collector is open: DJL's PyTorch engine allows only one at a time per process. */
    public static final Object GRADIENT_LOCK = new Object();

    private final ScoringModel scoring;
    private final Model model;
    private final SequenceRecommender block;
    private final float[][] itemEmbeddings;

    WhiteBoxModel(ScoringModel scoring, Model model, SequenceRecommender block) {
        this.scoring = scoring;
        this.model = model;
        this.block = block;
        // The attack differentiates inputs only; frozen weights keep backward passes from computing their gradients.
        block.freezeParameters(true);
        this.itemEmbeddings = scoring.itemVectors();
    }

    public ModelSpec spec() {
        return scoring.spec();
    }

    public ScoringModel scoring() {
        return scoring;
    }

    /** Row {@code i} is item {@code i}'s input embedding; row 0 is padding. Do not modify. */
    public float[][] itemEmbeddings() {
        return itemEmbeddings;
    }

    /** Softmax probability of {@code target} (over items 1..numItems) after each history. */
    public float[] targetProbability(int[][] histories, int target) {
        float[][] scores = scoring.score(histories);
        float[] out = new float[histories.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = softmaxAt(scores[i], target);
        }
        return out;
    }

    /**
     * Gradient of {@code −log p(target | history)} with respect to each history position's input embedding:
     * {@code out[i][j]} belongs to {@code histories[i][j]}; positions older than the model's window get zeros.
     */
    public float[][][] targetGradient(int[][] histories, int target) {
        int length = spec().maxLength();
        int width = spec().embeddingSize();
        int[][] inputs = new int[histories.length][];
        for (int i = 0; i < histories.length; i++) {
            inputs[i] = block.inferenceInput(histories[i]);
        }
        float[] gradient;
        synchronized (GRADIENT_LOCK) {
            try (NDManager manager = model.getNDManager().newSubManager();
                 GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                ParameterStore ps = new ParameterStore(manager, false);
                NDArray ids = manager.create(SequenceBatches.leftPad(inputs, length), new Shape(inputs.length, length));
                NDArray table = block.itemTable(ps, manager, false);
                NDArray embedded = Embedding.embedding(ids, table, SparseFormat.DENSE).singletonOrThrow().stopGradient();
                embedded.setRequiresGradient(true);
                NDArray mask = ids.gt(0).toType(embedded.getDataType(), false);
                NDArray scores = block.scoresFromEmbeddings(ps, embedded, mask, table);
                collector.backward(crossEntropy(scores, target));
                gradient = embedded.getGradient().toFloatArray();
            }
        }
        float[][][] out = new float[histories.length][][];
        for (int i = 0; i < histories.length; i++) {
            out[i] = new float[histories[i].length][width];
            for (int j = 0; j < histories[i].length; j++) {
                // Left padding: the input (history, then any extra token) ends at the last position.
                int position = length - inputs[i].length + j;
                if (position >= 0) {
                    System.arraycopy(gradient, (i * length + position) * width, out[i][j], 0, width);
                }
            }
        }
        return out;
    }

    /**
     * Runs {@code objective} on a differentiable scoring function under a gradient collector: the function maps
     * input embeddings {@code [batch, maxLength, embedding]} and a mask {@code [batch, maxLength]} to scores
     * {@code [batch, numItems + 1]}; the item table (with the architecture's extra tokens) is passed beside it.
     * Everything created inside lives in a sub-manager closed afterwards; the objective copies out what it keeps.
     */
    public <T> T differentiate(Function<Differentiable, T> objective) {
        synchronized (GRADIENT_LOCK) {
            try (NDManager manager = model.getNDManager().newSubManager();
                 GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                ParameterStore ps = new ParameterStore(manager, false);
                NDArray table = block.itemTable(ps, manager, false);
                return objective.apply(new Differentiable(manager, collector, table,
                        (embedded, mask) -> block.scoresFromEmbeddings(ps, embedded, mask, table)));
            }
        }
    }

    /** The architecture's inference input for a history (BERT4Rec appends its mask token). */
    public int[] inferenceInput(int[] history) {
        return block.inferenceInput(history);
    }

    /** What {@link #differentiate} hands its objective. */
    public record Differentiable(NDManager manager, GradientCollector collector, NDArray itemTable,
                                 java.util.function.BiFunction<NDArray, NDArray, NDArray> scores) {
        /** Input embeddings of left-padded id rows {@code [batch, maxLength]}, looked up in the item table. */
        public NDArray embed(NDArray ids) {
            return Embedding.embedding(ids, itemTable, SparseFormat.DENSE).singletonOrThrow().stopGradient();
        }
    }

    /** Sum over rows of {@code −log softmax(scores[:, 1:])[target − 1]}: the target's cross-entropy. */
    static NDArray crossEntropy(NDArray scores, int target) {
        NDArray items = scores.get(new NDIndex(":, 1:"));
        return items.logSoftmax(1).get(new NDIndex(":, " + (target - 1))).neg().sum();
    }

    static float softmaxAt(float[] scores, int target) {
        double max = Double.NEGATIVE_INFINITY;
        for (int item = 1; item < scores.length; item++) {
            max = Math.max(max, scores[item]);
        }
        double sum = 0;
        for (int item = 1; item < scores.length; item++) {
            sum += Math.exp(scores[item] - max);
        }
        return (float) (Math.exp(scores[target] - max) / sum);
    }
}
