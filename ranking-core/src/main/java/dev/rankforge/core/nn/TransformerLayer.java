package dev.rankforge.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The papers' encoder layer: self-attention and a position-wise feed-forward network (4 × width, GELU),
 * each followed by dropout, a residual connection and LayerNorm over the feature axis. Padded positions
 * are zeroed on the way out. (DJL's own transformer block uses BatchNorm and a different residual.)
 */
public final class TransformerLayer extends AbstractBlock {
    private static final byte VERSION = 1;

    private final MultiHeadSelfAttention attention;
    private final Dropout attentionDropout;
    private final LayerNorm attentionNorm;
    private final Linear feedForwardIn;
    private final Linear feedForwardOut;
    private final Dropout feedForwardDropout;
    private final LayerNorm feedForwardNorm;
    private final int width;

    public TransformerLayer(int width, int heads, float dropout, boolean causal) {
        super(VERSION);
        this.width = width;
        this.attention = addChildBlock("attention", new MultiHeadSelfAttention(width, heads, dropout, causal));
        this.attentionDropout = addChildBlock("attentionDropout", Dropout.builder().optRate(dropout).build());
        this.attentionNorm = addChildBlock("attentionNorm", LayerNorm.builder().axis(2).build());
        this.feedForwardIn = addChildBlock("feedForwardIn", Linear.builder().setUnits(4L * width).build());
        this.feedForwardOut = addChildBlock("feedForwardOut", Linear.builder().setUnits(width).build());
        this.feedForwardDropout = addChildBlock("feedForwardDropout", Dropout.builder().optRate(dropout).build());
        this.feedForwardNorm = addChildBlock("feedForwardNorm", LayerNorm.builder().axis(2).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray keyMask = inputs.get(1);
        NDArray attended = attention.forward(ps, inputs, training).singletonOrThrow();
        attended = attentionDropout.forward(ps, new NDList(attended), training).singletonOrThrow();
        x = attentionNorm.forward(ps, new NDList(x.add(attended)), training).singletonOrThrow();
        NDArray hidden = Activation.gelu(feedForwardIn.forward(ps, new NDList(x), training).singletonOrThrow());
        NDArray projected = feedForwardOut.forward(ps, new NDList(hidden), training).singletonOrThrow();
        projected = feedForwardDropout.forward(ps, new NDList(projected), training).singletonOrThrow();
        x = feedForwardNorm.forward(ps, new NDList(x.add(projected)), training).singletonOrThrow();
        return new NDList(x.mul(keyMask.expandDims(2)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        attention.initialize(manager, dataType, x, new Shape(x.get(0), x.get(1)));
        attentionDropout.initialize(manager, dataType, x);
        attentionNorm.initialize(manager, dataType, x);
        feedForwardIn.initialize(manager, dataType, x);
        feedForwardOut.initialize(manager, dataType, new Shape(x.get(0), x.get(1), 4L * width));
        feedForwardDropout.initialize(manager, dataType, x);
        feedForwardNorm.initialize(manager, dataType, x);
    }
}
