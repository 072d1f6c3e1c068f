package dev.rankforge.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
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
        super(version);
        this.spec = spec;
        this.itemEmbedding = addParameter(Parameter.builder()
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

    /** The item-embedding table {@code [numItems + 1 + extra tokens, embedding]} as the forward pass uses it. */
    public NDArray itemTable(ParameterStore ps, ai.djl.Device device, boolean training) {
        return ps.getValue(itemEmbedding, device, training);
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
        NDArray table = itemTable(ps, ids.getDevice(), training);
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
