package dev.rankforge.core.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.rankforge.core.metrics.Scorer;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.nn.SequenceRecommender;
import dev.rankforge.core.train.SequenceBatches;
import java.io.IOException;
import java.io.OutputStream;
import dev.rankforge.core.attack.BlackBox;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A trained sequential recommender ready for inference: scores all items for histories, returns top-k lists,
 * and writes itself as a {@link ModelArtifact}. Safe for concurrent use; every call scopes its arrays to its
 * own sub-manager.
 */
public final class ScoringModel implements Scorer, AutoCloseable {
    private static final int BATCH = 256;

    private final ModelSpec spec;
    private final Model model;
    private final SequenceRecommender block;
    private WhiteBoxModel whiteBox;

    public ScoringModel(ModelSpec spec, Model model) {
        this.spec = spec;
        this.model = model;
        this.block = (SequenceRecommender) model.getBlock();
    }

    public ModelSpec spec() {
        return spec;
    }

    /** Scores for items {@code 0..numItems}; column 0 (padding) is always {@code -inf}. */
    @Override
    public float[][] score(int[][] histories) {
        float[][] out = new float[histories.length][];
        int width = spec.numItems() + 1;
        for (int start = 0; start < histories.length; start += BATCH) {
            int end = Math.min(histories.length, start + BATCH);
            int[][] chunk = new int[end - start][];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = block.inferenceInput(histories[start + i]);
            }
            try (NDManager manager = model.getNDManager().newSubManager()) {
                NDArray input = manager.create(SequenceBatches.leftPad(chunk, spec.maxLength()),
                        new Shape(chunk.length, spec.maxLength()));
                NDArray scores = block
                        .forward(new ParameterStore(manager, false), new NDList(input), false)
                        .singletonOrThrow();
                float[] flat = scores.toFloatArray();
                for (int i = 0; i < chunk.length; i++) {
                    float[] row = Arrays.copyOfRange(flat, i * width, (i + 1) * width);
                    row[0] = Float.NEGATIVE_INFINITY;
                    out[start + i] = row;
                }
            }
        }
        return out;
    }

    /**
     * Scores of given candidate items per history ({@code out[i][j]} = score of {@code candidates[i][j]}),
     * e.g. for a sampled-negatives protocol or a teacher's list. Candidate ids must be in {@code 1..numItems}.
     */
    public float[][] scoreCandidates(int[][] histories, int[][] candidates) {
        if (histories.length != candidates.length) {
            throw new IllegalArgumentException("one candidate list per history is needed");
        }
        float[][] all = score(histories);
        float[][] out = new float[candidates.length][];
        for (int i = 0; i < candidates.length; i++) {
            out[i] = new float[candidates[i].length];
            for (int j = 0; j < candidates[i].length; j++) {
                int item = candidates[i][j];
                if (item < 1 || item > spec.numItems()) {
                    throw new IllegalArgumentException("candidate " + item + " is not an item id (1.." + spec.numItems() + ")");
                }
                out[i][j] = all[i][item];
            }
        }
        return out;
    }

    /**
     * The {@code k} highest-scored item ids for one history, best first.
     *
     * @param excludeHistory leave out items already in the history
     */
    public int[] topK(int[] history, int k, boolean excludeHistory) {
        return topK(score(new int[][] {history})[0], history, k, excludeHistory);
    }

    /** Top-k selection over a score row (column 0 never returned). */
    public static int[] topK(float[] scores, int[] history, int k, boolean excludeHistory) {
        float[] row = scores.clone();
        row[0] = Float.NEGATIVE_INFINITY;
        if (excludeHistory) {
            for (int item : history) {
                if (item > 0 && item < row.length) {
                    row[item] = Float.NEGATIVE_INFINITY;
                }
            }
        }
        int candidates = 0;
        for (int item = 1; item < row.length; item++) {
            if (row[item] > Float.NEGATIVE_INFINITY) {
                candidates++;
            }
        }
        int n = Math.min(k, candidates);
        int[] best = new int[n];
        // Partial selection: k is small (<= 100) next to the item count.
        for (int r = 0; r < n; r++) {
            int arg = -1;
            float max = Float.NEGATIVE_INFINITY;
            for (int item = 1; item < row.length; item++) {
                if (row[item] > max) {
                    max = row[item];
                    arg = item;
                }
            }
            best[r] = arg;
            row[arg] = Float.NaN; // NaN compares false: never picked again
        }
        return best;
    }

    /**
     * This model seen as a black box, as our API answers: ranked ids only, each history's own items (or the given
     * exclusions) left out, and given candidates ranked by score.
     */
    public BlackBox asBlackBox() {
        return new BlackBox() {
            @Override
            public List<List<Integer>> recommend(List<int[]> histories, int k) {
                return recommend(histories, histories, k);
            }

            @Override
            public List<List<Integer>> recommend(List<int[]> histories, List<int[]> excluded, int k) {
                float[][] scores = score(histories.toArray(new int[0][]));
                List<List<Integer>> out = new ArrayList<>(scores.length);
                for (int i = 0; i < scores.length; i++) {
                    out.add(Arrays.stream(topK(scores[i], excluded.get(i), k, true)).boxed().toList());
                }
                return out;
            }

            @Override
            public boolean excludesOnRequest() {
                return true;
            }

            @Override
            public List<List<Integer>> rank(List<int[]> histories, List<int[]> candidates) {
                float[][] scores = scoreCandidates(histories.toArray(new int[0][]), candidates.toArray(new int[0][]));
                List<List<Integer>> out = new ArrayList<>(scores.length);
                for (int i = 0; i < scores.length; i++) {
                    out.add(rankCandidates(candidates.get(i), scores[i]));
                }
                return out;
            }

            @Override
            public boolean ranksCandidates() {
                return true;
            }
        };
    }

    /** The candidates ordered by score, best first (ties keep the given order). */
    public static List<Integer> rankCandidates(int[] candidates, float[] scores) {
        Integer[] order = new Integer[candidates.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
        List<Integer> out = new ArrayList<>(order.length);
        for (int j : order) {
            out.add(candidates[j]);
        }
        return out;
    }

    /**
     * This model opened for white-box attacks (its weights frozen: use it as a surrogate, not for further
     * training). One instance per model.
     */
    public synchronized WhiteBoxModel whiteBox() {
        if (whiteBox == null) {
            whiteBox = new WhiteBoxModel(this, model, block);
        }
        return whiteBox;
    }

    /** The parameters in DJL's block format, as training checkpoints hold them (to fine-tune from this model). */
    public byte[] parameters() {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
            model.getBlock().saveParameters(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public void save(OutputStream out) throws IOException {
        ModelArtifact.write(spec, model.getBlock(), out);
    }

    @Override
    public void close() {
        model.close();
    }
}
