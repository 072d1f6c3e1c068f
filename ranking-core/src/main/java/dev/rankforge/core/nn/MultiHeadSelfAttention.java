package dev.rankforge.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Scaled dot-product multi-head self-attention (Vaswani et al. 2017) with a key-padding mask and an
 * optional causal mask. Inputs: {@code x [batch, length, width]} and {@code keyMask [batch, length]}
 * (1 = real item). Masked scores get a large negative bias, never -inf, so fully masked rows stay finite.
 */
public final class MultiHeadSelfAttention extends AbstractBlock {
    private static final byte VERSION = 1;
    private static final float MASKED = -1e9f;

    private final int width;
    private final int heads;
    private final boolean causal;
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear output;
    private final Dropout attentionDropout;

    public MultiHeadSelfAttention(int width, int heads, float dropout, boolean causal) {
        super(VERSION);
        this.width = width;
        this.heads = heads;
        this.causal = causal;
        this.query = addChildBlock("query", Linear.builder().setUnits(width).build());
        this.key = addChildBlock("key", Linear.builder().setUnits(width).build());
        this.value = addChildBlock("value", Linear.builder().setUnits(width).build());
        this.output = addChildBlock("output", Linear.builder().setUnits(width).build());
        this.attentionDropout = addChildBlock("attentionDropout", Dropout.builder().optRate(dropout).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray keyMask = inputs.get(1);
        long length = x.getShape().get(1);
        int perHead = width / heads;
        NDArray q = split(query.forward(ps, new NDList(x), training).singletonOrThrow(), length, perHead);
        NDArray k = split(key.forward(ps, new NDList(x), training).singletonOrThrow(), length, perHead);
        NDArray v = split(value.forward(ps, new NDList(x), training).singletonOrThrow(), length, perHead);
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).div((float) Math.sqrt(perHead));   // [B, h, T, T]
        NDArray bias = keyMask.sub(1f).mul(-MASKED).expandDims(1).expandDims(1);   // 0 or MASKED, [B, 1, 1, T]
        scores = scores.add(bias);
        if (causal) {
            scores = scores.add(causalBias(x.getManager(), (int) length, x.getDataType()));
        }
        NDArray weights = attentionDropout.forward(ps, new NDList(scores.softmax(-1)), training).singletonOrThrow();
        NDArray merged = weights.matMul(v).transpose(0, 2, 1, 3).reshape(new Shape(-1, length, width));
        return output.forward(ps, new NDList(merged), training);
    }

    private NDArray split(NDArray projected, long length, int perHead) {
        return projected.reshape(new Shape(-1, length, heads, perHead)).transpose(0, 2, 1, 3);
    }

    /** {@code [1, 1, T, T]}: 0 where a position may look (itself and earlier), a large negative elsewhere. */
    private static NDArray causalBias(NDManager manager, int length, DataType type) {
        float[] bias = new float[length * length];
        for (int i = 0; i < length; i++) {
            for (int j = i + 1; j < length; j++) {
                bias[i * length + j] = MASKED;
            }
        }
        return manager.create(bias, new Shape(1, 1, length, length)).toType(type, false);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        for (Linear linear : new Linear[] {query, key, value, output}) {
            linear.initialize(manager, dataType, x);
        }
        attentionDropout.initialize(manager, dataType, new Shape(x.get(0), heads, x.get(1), x.get(1)));
    }
}
