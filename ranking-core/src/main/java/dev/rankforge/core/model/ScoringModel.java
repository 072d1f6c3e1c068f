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
import dev.rankforge.core.nn.SequenceBatches;
import dev.rankforge.core.nn.TwoTower;
import java.io.IOException;
import java.io.OutputStream;
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
    /** Above this share of the catalogue, k is answered by exact scoring even when an item index is attached. */
    private static final double ANN_MAX_SHARE = 0.25;

    private final ModelSpec spec;
    private final Model model;
    private final SequenceRecommender block;
    private WhiteBoxModel whiteBox;
    private volatile ItemIndex index;

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
        int[][] inputs = inferenceInputs(histories);
        int[] lengths = lengths(inputs);
        for (int[] pass : LengthGroups.of(lengths, BATCH, block.inferencePassCost())) {
            try (NDManager manager = model.getNDManager().newSubManager()) {
                float[] flat = forward(inputs, pass, lengths[pass[pass.length - 1]], manager).toFloatArray();
                for (int i = 0; i < pass.length; i++) {
                    float[] row = Arrays.copyOfRange(flat, i * width, (i + 1) * width);
                    row[0] = Float.NEGATIVE_INFINITY;
                    out[pass[i]] = row;
                }
            }
        }
        return out;
    }

    /**
     * The {@code k} highest-scored item ids of each history, best first, leaving out {@code excluded[i]} (and the
     * padding id). Selected on the device: only the best {@code k} + (most exclusions) ids of each row leave it,
     * never the {@code [n, items + 1]} score matrix. A row has fewer than {@code k} ids only when fewer items
     * remain (an item scored NaN or -inf is never returned). Ties are ordered as the device's top-k orders them,
     * which may differ between batch sizes.
     */
    public int[][] recommend(int[][] histories, int[][] excluded, int k) {
        if (histories.length != excluded.length) {
            throw new IllegalArgumentException("one exclusion list per history is needed");
        }
        ItemIndex ann = index;
        if (ann != null && k <= spec.numItems() * ANN_MAX_SHARE) {
            return nearest(ann, histories, excluded, k);
        }
        int[][] out = new int[histories.length][];
        int width = spec.numItems() + 1;
        int[][] inputs = inferenceInputs(histories);
        int[] lengths = lengths(inputs);
        for (int[] pass : LengthGroups.of(lengths, BATCH, block.inferencePassCost())) {
            int mostExcluded = 0;
            for (int row : pass) {
                mostExcluded = Math.max(mostExcluded, excluded[row].length);
            }
            int take = Math.min(width, k + mostExcluded + 1); // + 1: the padding column
            try (NDManager manager = model.getNDManager().newSubManager()) {
                NDArray scores = forward(inputs, pass, lengths[pass[pass.length - 1]], manager);
                // torch.topk ranks NaN above every number: a diverged score must never be recommended
                scores.set(scores.isNaN(), Float.NEGATIVE_INFINITY);
                NDList top = scores.topK(take, 1, true, true);
                float[] values = top.get(0).toFloatArray();
                long[] ids = top.get(1).toLongArray();
                for (int i = 0; i < pass.length; i++) {
                    out[pass[i]] = best(ids, values, i * take, take, excluded[pass[i]], k);
                }
            }
        }
        return out;
    }

    /** The two-tower model's answers from its item index: each history's user vector, its nearest items. */
    private int[][] nearest(ItemIndex ann, int[][] histories, int[][] excluded, int k) {
        int[][] out = new int[histories.length][];
        int[][] inputs = inferenceInputs(histories);
        int[] lengths = lengths(inputs);
        for (int[] pass : LengthGroups.of(lengths, BATCH, block.inferencePassCost())) {
            float[] users;
            int width = spec.embeddingSize();
            try (NDManager manager = model.getNDManager().newSubManager()) {
                users = block.cutRepresentations(new ParameterStore(manager, false),
                        passIds(inputs, pass, lengths[pass[pass.length - 1]], manager)).toFloatArray();
            }
            for (int i = 0; i < pass.length; i++) {
                out[pass[i]] = ann.nearest(Arrays.copyOfRange(users, i * width, (i + 1) * width), k,
                        excluded[pass[i]]);
            }
        }
        return out;
    }

    /**
     * Whether this model can be served from an {@link ItemIndex}: a two-tower model, whose scores are cosines between
     * a user vector and its item vectors.
     */
    public boolean indexable() {
        return block instanceof TwoTower;
    }

    /** The item index of this (two-tower) model's item vectors, built now. */
    public ItemIndex buildIndex() {
        return ItemIndex.build(itemVectors());
    }

    /** Reads the graph {@link ItemIndex#write} wrote for this model. */
    public ItemIndex readIndex(java.io.InputStream graph) throws IOException {
        return ItemIndex.read(itemVectors(), graph);
    }

    /**
     * Answers {@link #recommend} from {@code index} (approximate) from now on, except where k is above a quarter of
     * the catalogue (exact scoring is then as cheap); null: exact scoring always.
     */
    public void serveFrom(ItemIndex index) {
        if (index != null && (!indexable() || index.size() != spec.numItems())) {
            throw new IllegalArgumentException("an item index serves a two-tower model of " + spec.numItems()
                    + " items");
        }
        this.index = index;
    }

    /** Rows {@code 0..numItems} of the item table as the model scores with it (row 0 is padding). */
    float[][] itemVectors() {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray table = block.itemTable(new ParameterStore(manager, false), manager, false);
            float[] flat = table.toFloatArray();
            int width = spec.embeddingSize();
            float[][] out = new float[spec.numItems() + 1][];
            for (int item = 0; item <= spec.numItems(); item++) {
                out[item] = Arrays.copyOfRange(flat, item * width, (item + 1) * width);
            }
            return out;
        }
    }

    /** Of one row's ranked ids, the first {@code k} that are items, not excluded and scored above -inf. */
    private static int[] best(long[] ranked, float[] values, int from, int count, int[] excluded, int k) {
        int[] sortedExcluded = excluded.clone();
        Arrays.sort(sortedExcluded);
        int[] best = new int[k];
        int n = 0;
        for (int j = from; j < from + count && n < k; j++) {
            int item = (int) ranked[j];
            if (item != 0 && values[j] > Float.NEGATIVE_INFINITY && Arrays.binarySearch(sortedExcluded, item) < 0) {
                best[n++] = item;
            }
        }
        return n == k ? best : Arrays.copyOf(best, n);
    }

    private int[][] inferenceInputs(int[][] histories) {
        int[][] inputs = new int[histories.length][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = block.inferenceInput(histories[i]);
        }
        return inputs;
    }

    /**
     * Each input's length as a pass cuts it. An empty input counts as a whole row: with no item to attend to, a
     * transformer's output depends on how many padding positions there are.
     */
    private int[] lengths(int[][] inputs) {
        int[] lengths = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            int length = inputs[i].length == 0 ? spec.maxLength() : inputs[i].length;
            lengths[i] = block.inferenceLength(length);
        }
        return lengths;
    }

    /**
     * The block's scores {@code [rows, items + 1]} for the inputs of one pass, in {@code manager}: left-padded to the
     * pass's longest input ({@code length}, the last of its rows) only, which the block encodes as if padded to
     * {@code maxLength}.
     */
    private NDArray forward(int[][] inputs, int[] pass, int length, NDManager manager) {
        return block.cutScores(new ParameterStore(manager, false), passIds(inputs, pass, length, manager));
    }

    /** The ids {@code [rows, length]} of one pass's inputs, left-padded to its longest. */
    private static NDArray passIds(int[][] inputs, int[] pass, int length, NDManager manager) {
        int[][] rows = new int[pass.length][];
        for (int i = 0; i < pass.length; i++) {
            rows[i] = inputs[pass[i]];
        }
        return manager.create(SequenceBatches.leftPad(rows, length), new Shape(rows.length, length));
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
        return recommend(new int[][] {history}, new int[][] {excludeHistory ? history : new int[0]}, k)[0];
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
                int[][] best = ScoringModel.this.recommend(histories.toArray(new int[0][]),
                        excluded.toArray(new int[0][]), k);
                List<List<Integer>> out = new ArrayList<>(best.length);
                for (int[] row : best) {
                    out.add(Arrays.stream(row).boxed().toList());
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
