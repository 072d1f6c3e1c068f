package dev.rankforge.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * Base of every sequential recommender block. Input: left-padded item ids {@code [batch, length]} (0 =
 * padding), looked up in the tied item-embedding table. The subclass encodes the embedded sequence into
 * representations {@code [batch, positions, embedding]}; items are scored by dot product with the same table.
 * Because encoding starts from embeddings, every architecture also scores from arbitrary input embeddings
 * ({@link #scoresFromEmbeddings}), which is what white-box attacks differentiate.
 *
 * <p>Training input: the ids, optionally followed by prefix end positions {@code [batch, prefixes]} (see
 * {@link #encodeAt}). Training output: {@code NDList(representations, item table)}, so the objective can score all
 * items or only sampled ones. Inference output: scores after the last position {@code [batch, numItems + 1]};
 * column 0 is padding and must be ignored.
 */
public abstract class SequenceRecommender extends AbstractBlock {
    protected final ModelSpec spec;
    protected final Parameter itemEmbedding;

    protected SequenceRecommender(byte version, ModelSpec spec, int extraTokens) {
        this(version, spec, extraTokens, true);
    }

    /**
     * @param ownsTable false for a user tower inside another model ({@link TwoTower}): it only {@link #encode}s the
     *                  embeddings it is given, padding positions zeroed, and has no item table of its own
     */
    protected SequenceRecommender(byte version, ModelSpec spec, int extraTokens, boolean ownsTable) {
        super(version);
        this.spec = spec;
        this.itemEmbedding = !ownsTable ? null : addParameter(Parameter.builder()
                .setName("itemEmbedding")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(spec.numItems() + 1L + extraTokens, spec.embeddingSize()))
                .optInitializer(new NormalInitializer(0.05f))
                .build());
    }

    public ModelSpec spec() {
        return spec;
    }

    /** The training objective this architecture is trained with. */
    public abstract Objective objective();

    /** Every objective this architecture can train with, its own first. */
    public java.util.List<Objective> objectives() {
        return java.util.List.of(objective());
    }

    /**
     * Whether a forward pass given prefix end positions (a second input) encodes each prefix from the items up to its
     * end only, so that one pass over a sequence trains a student on many of its prefixes: true for the causal
     * encoders (GRU4Rec, NARM, SASRec, the two-tower towers), false for BERT4Rec (bidirectional, its prefix ends
     * in a mask token) and Caser (the last position only). Positions are those of the row: SASRec sees a prefix at
     * the column where it ends in that row, as in its own all-positions training.
     */
    public boolean encodesPrefixesInOnePass() {
        return false;
    }

    /**
     * Most prefix ends per row that one training pass over {@code rows} rows may encode (see {@link #encodeAt}):
     * every position by default, where the encoding at a position is gathered from one encoding of the row.
     */
    public int prefixesPerPass(int rows) {
        return spec.maxLength();
    }

    /** The id sequence fed to the model to recommend after {@code history} (BERT4Rec appends its mask token). */
    public int[] inferenceInput(int[] history) {
        return history;
    }

    /**
     * Sequence representations {@code [batch, positions, embedding]} from the input embeddings
     * {@code [batch, length, embedding]} (rows of the item table, or any point of that space: the white-box seam)
     * and the mask {@code [batch, length]} (1 at real inputs, 0 at padding).
     */
    protected abstract NDArray encode(ParameterStore ps, NDArray embedded, NDArray mask, boolean training);

    /**
     * {@link #encode} (inference) of columns cut from a left-padded row: {@code paddingAhead} more padding positions
     * precede them, up to {@code maxLength}. Must equal {@code encode} of the whole row at the cut's positions, so that
     * a batch of short histories costs its longest history, not {@code maxLength} (see {@link #inferenceLength}). By
     * default only uncut rows are accepted.
     */
    protected NDArray encodeCut(ParameterStore ps, NDArray embedded, NDArray mask, int paddingAhead) {
        if (paddingAhead != 0) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " encodes whole rows only");
        }
        return encode(ps, embedded, mask, false);
    }

    /**
     * The input length to cut a batch of inference inputs to, when the longest has {@code longest} ids: that length
     * (at least 1, at most {@code maxLength}): every architecture but Caser encodes cut rows exactly
     * ({@link #encodeCut}).
     */
    public int inferenceLength(int longest) {
        return Math.max(1, Math.min(spec.maxLength(), longest));
    }

    /**
     * The fixed cost of one inference pass, in row positions (one row's one input position costs 1), by which a batch
     * of histories is split into passes of similar length or kept whole. Measured on 2 cores at 3,416 items and paper
     * sizes (2026-12-07): SASRec and BERT4Rec pay about 1.3 ms a pass against 0.004 ms a row position; the recurrent
     * models override it.
     */
    public int inferencePassCost() {
        return 300;
    }

    /**
     * Inference scores {@code [batch, numItems + 1]} of left-padded ids cut to their last {@code T} columns
     * ({@code T} from {@link #inferenceLength}): what {@link #forward} gives the same ids padded to
     * {@code maxLength}. Column 0 is padding.
     */
    public NDArray cutScores(ParameterStore ps, NDArray ids) {
        NDArray table = itemTable(ps, ids.getManager(), false);
        return lastPositionScores(cutEncoding(ps, ids, table), table);
    }

    /**
     * The representation {@code [batch, embedding]} after the last position of ids cut as {@link #cutScores} takes
     * them: what the items' rows of {@link #itemTable} are scored against (a two-tower model's user vector).
     */
    public NDArray cutRepresentations(ParameterStore ps, NDArray ids) {
        NDArray table = itemTable(ps, ids.getManager(), false);
        return cutEncoding(ps, ids, table).get(new NDIndex(":, -1, :"));
    }

    private NDArray cutEncoding(ParameterStore ps, NDArray ids, NDArray table) {
        long length = ids.getShape().get(1);
        if (length > spec.maxLength()) {
            throw new IllegalArgumentException("input length " + length + " exceeds maxLength " + spec.maxLength());
        }
        NDArray embedded = Embedding.embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
        NDArray mask = ids.gt(0).toType(embedded.getDataType(), false);
        return encodeCut(ps, embedded, mask, (int) (spec.maxLength() - length));
    }

    /**
     * Representations {@code [batch, prefixes, embedding]} after the prefixes ending at {@code positions}
     * {@code [batch, prefixes]} (indices into the length axis): what {@link #encode} gives at the last position of the
     * input cut right after each of them. By default the full encoding is gathered at those positions, which is exact for causal
     * encoders; a model whose last position looks back at the whole input (NARM's attention) overrides it.
     */
    protected NDArray encodeAt(ParameterStore ps, NDArray embedded, NDArray mask, NDArray positions,
                               boolean training) {
        NDArray all = encode(ps, embedded, mask, training);
        long width = all.getShape().getLastDimension();
        return all.gather(positions.expandDims(2).repeat(2, width), 1);
    }

    /**
     * The item-embedding table {@code [numItems + 1 + extra tokens, embedding]} as the forward pass uses it; anything
     * derived from the parameter is created in {@code manager} (a result of an op on the parameter would outlive the
     * step).
     */
    public NDArray itemTable(ParameterStore ps, NDManager manager, boolean training) {
        if (itemEmbedding == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " is a user tower: its model owns the table");
        }
        return ps.getValue(itemEmbedding, manager.getDevice(), training);
    }

    /** The input embeddings {@code [1, length, embedding]} of {@code length} padding positions, in {@code manager}. */
    NDArray paddingEmbeddings(ParameterStore ps, NDManager manager, int length) {
        if (itemEmbedding == null) { // a tower is given zeros at padding positions
            return manager.zeros(new Shape(1, length, spec.embeddingSize()));
        }
        // Looked up from a batch-scoped id array: the padding rows stay in the call's manager, not the parameter's.
        NDArray paddingIds = manager.zeros(new Shape(1, length), DataType.INT64);
        NDArray table = itemTable(ps, manager, false);
        return Embedding.embedding(paddingIds, table, SparseFormat.DENSE).singletonOrThrow();
    }

    /**
     * Inference scores {@code [batch, numItems + 1]} after the last position, from input embeddings instead of
     * ids: what {@link #forward} computes for ids whose rows of the item table are {@code embedded}. Gradients flow
     * to {@code embedded} (white-box attacks).
     */
    public NDArray scoresFromEmbeddings(ParameterStore ps, NDArray embedded, NDArray mask, NDArray table) {
        NDArray representations = encode(ps, embedded, mask, false);
        return lastPositionScores(representations, table);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray ids = inputs.get(0);
        NDArray table = itemTable(ps, ids.getManager(), training);
        NDArray embedded = Embedding.embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
        NDArray mask = ids.gt(0).toType(embedded.getDataType(), false);
        // A second input names prefix end positions (the prefixes objective); without it, every position.
        NDArray representations = inputs.size() > 1
                ? encodeAt(ps, embedded, mask, inputs.get(1), training)
                : encode(ps, embedded, mask, training);
        if (training) {
            return new NDList(representations, table);
        }
        return new NDList(lastPositionScores(representations, table));
    }

    private NDArray lastPositionScores(NDArray representations, NDArray table) {
        NDArray last = representations.get(new NDIndex(":, -1, :"));
        // Start from the batch tensor (never slice the parameter): results stay in the step's manager.
        NDArray scores = Linear.linear(last, table).singletonOrThrow();
        return scores.get(new NDIndex(":, :" + (spec.numItems() + 1)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), spec.embeddingSize()),
            new Shape(spec.numItems() + 1L, spec.embeddingSize())};
    }
}
