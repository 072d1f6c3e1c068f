package dev.rankforge.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared body of SASRec and BERT4Rec: item plus learned positional embeddings, LayerNorm and dropout, then
 * a stack of {@link TransformerLayer}s (causal or bidirectional). A representation at every position.
 */
abstract class TransformerRecommender extends SequenceRecommender {
    private final Parameter positionEmbedding;
    private final LayerNorm inputNorm;
    private final Dropout inputDropout;
    private final List<TransformerLayer> layers = new ArrayList<>();
    private final boolean scaleEmbeddings;

    TransformerRecommender(byte version, ModelSpec spec, int extraTokens, boolean causal, boolean scaleEmbeddings) {
        this(version, spec, extraTokens, true, causal, scaleEmbeddings);
    }

    TransformerRecommender(byte version, ModelSpec spec, int extraTokens, boolean ownsTable, boolean causal,
                           boolean scaleEmbeddings) {
        super(version, spec, extraTokens, ownsTable);
        this.scaleEmbeddings = scaleEmbeddings;
        this.positionEmbedding = addParameter(Parameter.builder()
                .setName("positionEmbedding")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(spec.maxLength(), spec.embeddingSize()))
                .optInitializer(new NormalInitializer(0.02f))
                .build());
        this.inputNorm = addChildBlock("inputNorm", LayerNorm.builder().axis(2).build());
        this.inputDropout = addChildBlock("inputDropout", Dropout.builder().optRate(spec.dropout()).build());
        for (int i = 0; i < spec.layers(); i++) {
            layers.add(addChildBlock("layer" + i,
                    new TransformerLayer(spec.embeddingSize(), spec.heads(), spec.dropout(), causal)));
        }
    }

    @Override
    protected NDArray encode(ParameterStore ps, NDArray embedded, NDArray mask, boolean training) {
        return encode(ps, embedded, mask, 0, training);
    }

    /** Padding is masked out of the attention, so a cut row differs from the whole row only in its positions. */
    @Override
    protected NDArray encodeCut(ParameterStore ps, NDArray embedded, NDArray mask, int paddingAhead) {
        return encode(ps, embedded, mask, paddingAhead, false);
    }

    /** @param firstPosition the position of the first column (columns cut from a longer row start past 0) */
    private NDArray encode(ParameterStore ps, NDArray embedded, NDArray mask, int firstPosition, boolean training) {
        long length = embedded.getShape().get(1);
        if (firstPosition + length > spec.maxLength()) {
            throw new IllegalArgumentException("sequence length " + (firstPosition + length) + " exceeds maxLength "
                    + spec.maxLength());
        }
        if (scaleEmbeddings) {
            embedded = embedded.mul((float) Math.sqrt(spec.embeddingSize()));
        }
        NDArray positions = embedded.getManager().arange(firstPosition, firstPosition + (int) length).expandDims(0);
        NDArray positionTable = ps.getValue(positionEmbedding, embedded.getDevice(), training);
        NDArray x = embedded.add(Embedding.embedding(positions, positionTable, SparseFormat.DENSE).singletonOrThrow());
        x = inputNorm.forward(ps, new NDList(x), training).singletonOrThrow();
        x = inputDropout.forward(ps, new NDList(x), training).singletonOrThrow();
        for (TransformerLayer layer : layers) {
            x = layer.forward(ps, new NDList(x, mask), training).singletonOrThrow();
        }
        return x;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        Shape x = new Shape(in.get(0), in.get(1), spec.embeddingSize());
        inputNorm.initialize(manager, dataType, x);
        inputDropout.initialize(manager, dataType, x);
        for (TransformerLayer layer : layers) {
            layer.initialize(manager, dataType, x, new Shape(in.get(0), in.get(1)));
        }
    }
}
