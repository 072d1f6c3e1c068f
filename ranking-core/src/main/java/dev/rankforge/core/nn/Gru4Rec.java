package dev.rankforge.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * GRU4Rec (Hidasi et al. 2016) for next-item prediction: item embedding, one GRU layer, a projection back to
 * embedding width, and scores by dot product with the (tied) item embedding table.
 *
 * <p>Input: left-padded item ids {@code [batch, length]} (padding id 0). Output in training: scores for every
 * position {@code [batch, length, numItems + 1]}; in inference: scores after the last position only
 * {@code [batch, numItems + 1]}. Column 0 is the padding sentinel and must be masked by the caller.
 */
public final class Gru4Rec extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int numItems;
    private final int embeddingSize;
    private final int hiddenSize;
    private final Parameter itemEmbedding;
    private final GRU gru;
    private final Linear projection;

    private Gru4Rec(Builder builder) {
        super(VERSION);
        this.numItems = builder.numItems;
        this.embeddingSize = builder.embeddingSize;
        this.hiddenSize = builder.hiddenSize;
        this.itemEmbedding = addParameter(Parameter.builder()
                .setName("itemEmbedding")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(numItems + 1L, embeddingSize))
                .optInitializer(new NormalInitializer(0.05f))
                .build());
        this.gru = addChildBlock("gru", GRU.builder()
                .setStateSize(hiddenSize)
                .setNumLayers(1)
                .optBatchFirst(true)
                .optReturnState(false)
                .build());
        this.projection = addChildBlock("projection", Linear.builder().setUnits(embeddingSize).build());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds the block for {@code spec}. */
    public static Gru4Rec of(ModelSpec spec) {
        return builder().setNumItems(spec.numItems())
                .optEmbeddingSize(spec.embeddingSize())
                .optHiddenSize(spec.hiddenSize())
                .build();
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray items = inputs.singletonOrThrow();
        NDArray table = parameterStore.getValue(itemEmbedding, items.getDevice(), training);
        NDArray embedded = Embedding.embedding(items, table, SparseFormat.DENSE).singletonOrThrow();
        NDArray states = gru.forward(parameterStore, new NDList(embedded), training).singletonOrThrow();
        if (!training) {
            states = states.get(new NDIndex(":, -1, :"));
        }
        NDArray projected = projection.forward(parameterStore, new NDList(states), training).singletonOrThrow();
        // Linear.linear(x, W) starts from the batch tensor, so the result is owned by the step's manager.
        return Linear.linear(projected, table);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), numItems + 1L)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        gru.initialize(manager, dataType, new Shape(in.get(0), in.get(1), embeddingSize));
        projection.initialize(manager, dataType, new Shape(in.get(0), in.get(1), hiddenSize));
    }

    /** Builder: {@code setNumItems} is required; sizes default to 64. */
    public static final class Builder {
        private int numItems;
        private int embeddingSize = 64;
        private int hiddenSize = 64;

        public Builder setNumItems(int numItems) {
            this.numItems = numItems;
            return this;
        }

        public Builder optEmbeddingSize(int embeddingSize) {
            this.embeddingSize = embeddingSize;
            return this;
        }

        public Builder optHiddenSize(int hiddenSize) {
            this.hiddenSize = hiddenSize;
            return this;
        }

        public Gru4Rec build() {
            if (numItems < 1) {
                throw new IllegalArgumentException("numItems must be set");
            }
            return new Gru4Rec(this);
        }
    }
}
