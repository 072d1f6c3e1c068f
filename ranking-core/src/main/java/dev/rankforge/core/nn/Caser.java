package dev.rankforge.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Caser (Tang &amp; Wang, WSDM 2018), the sequence-only form used as a small extraction student: the last
 * {@code maxLength} items as an image {@code [L, embedding]}; horizontal filters of every height 1..L
 * ({@code hiddenSize} filters per height, max-pooled over time) catch union-level and skip patterns, vertical
 * filters ({@value #VERTICAL_FILTERS}, spanning all L rows) weight the recent items; both feed a ReLU layer back
 * to embedding width after dropout. One representation per sequence; trained like NARM on random prefixes.
 * The paper's user embedding is left out: a black-box student knows sequences, not users.
 */
public final class Caser extends SequenceRecommender {
    static final int VERTICAL_FILTERS = 4;
    private static final byte VERSION = 1;

    private final List<Conv2d> horizontal = new ArrayList<>();
    private final Conv2d vertical;
    private final Dropout dropout;
    private final Linear dense;

    public Caser(ModelSpec spec) {
        super(VERSION, spec, 0);
        int window = spec.maxLength();
        for (int height = 1; height <= window; height++) {
            horizontal.add(addChildBlock("horizontal" + height, Conv2d.builder()
                    .setKernelShape(new Shape(height, spec.embeddingSize()))
                    .setFilters(spec.hiddenSize())
                    .build()));
        }
        this.vertical = addChildBlock("vertical", Conv2d.builder()
                .setKernelShape(new Shape(window, 1))
                .setFilters(VERTICAL_FILTERS)
                .build());
        this.dropout = addChildBlock("dropout", Dropout.builder().optRate(spec.dropout()).build());
        this.dense = addChildBlock("dense", Linear.builder().setUnits(spec.embeddingSize()).build());
    }

    @Override
    public Objective objective() {
        return Objective.NEXT_ITEM_LAST_POSITION;
    }

    /** Its vertical filters span all {@code maxLength} rows: inputs are never cut. */
    @Override
    public int inferenceLength(int longest) {
        return spec.maxLength();
    }

    @Override
    protected NDArray encode(ParameterStore ps, NDArray embedded, NDArray mask, boolean training) {
        NDArray image = embedded.mul(mask.expandDims(2));                                       // [B, L, E]
        long batch = embedded.getShape().get(0);
        int window = horizontal.size();
        NDList features = new NDList();
        for (int height = 1; height <= window; height++) {
            // the rows each placement of a filter of this height covers, side by side: [B, L-h+1, h*E]
            NDList rows = new NDList();
            for (int offset = 0; offset < height; offset++) {
                rows.add(image.get(":, {}:{}, :", offset, window - height + 1 + offset));
            }
            NDArray windows = rows.size() == 1 ? rows.singletonOrThrow() : NDArrays.concat(rows, 2);
            Conv2d filter = horizontal.get(height - 1);
            NDArray maps = windows.matMul(local(ps, filter, "weight", image, training)
                    .reshape(spec.hiddenSize(), -1).transpose())
                    .add(local(ps, filter, "bias", image, training));                         // [B, L-h+1, F]
            features.add(Activation.relu(maps).max(new int[] {1}));                              // [B, F]
        }
        NDArray weights = local(ps, vertical, "weight", image, training).reshape(VERTICAL_FILTERS, window);
        NDArray columns = weights.matMul(image)                                                 // [B, 4, E]
                .add(local(ps, vertical, "bias", image, training).reshape(1, VERTICAL_FILTERS, 1));
        features.add(columns.reshape(batch, -1));
        NDArray joined = NDArrays.concat(features, 1);
        joined = dropout.forward(ps, new NDList(joined), training).singletonOrThrow();
        NDArray z = Activation.relu(dense.forward(ps, new NDList(joined), training).singletonOrThrow());
        return z.expandDims(1);                                                                // [B, 1, E]
    }

    /**
     * A filter's parameter, copied into the batch's scope (an op that starts from a parameter would be owned by the
     * parameter's manager and outlive the step). The filters are applied as matrix products over their windows, not
     * through libtorch 2.7.1's CPU convolution: that answers wrongly for a batch when the kernel covers the whole
     * image, and its backward pass now and then gave NaN input gradients for a finite loss (a training step in
     * about every seventh tiny run diverged). The parameters are those of the {@link Conv2d} blocks, so saved models
     * read the same.
     */
    private static NDArray local(ParameterStore ps, Conv2d filter, String name, NDArray scope, boolean training) {
        NDArray value = ps.getValue(filter.getParameters().get(name), scope.getDevice(), training);
        return scope.getManager().zeros(new Shape(1), value.getDataType()).add(value);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        int window = spec.maxLength();
        Shape image = new Shape(batch, 1, window, spec.embeddingSize());
        for (Conv2d filter : horizontal) {
            filter.initialize(manager, dataType, image);
        }
        vertical.initialize(manager, dataType, image);
        long width = (long) window * spec.hiddenSize() + (long) VERTICAL_FILTERS * spec.embeddingSize();
        dropout.initialize(manager, dataType, new Shape(batch, width));
        dense.initialize(manager, dataType, new Shape(batch, width));
    }
}
