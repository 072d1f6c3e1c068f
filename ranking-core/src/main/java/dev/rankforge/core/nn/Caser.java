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
        NDArray image = embedded.mul(mask.expandDims(2)).expandDims(1);                         // [B, 1, L, E]
        long batch = embedded.getShape().get(0);
        NDList features = new NDList();
        for (int height = 1; height <= horizontal.size(); height++) {
            Conv2d filter = horizontal.get(height - 1);
            NDArray maps = height < horizontal.size()
                    ? filter.forward(ps, new NDList(image), training).singletonOrThrow()
                    : fullHeight(ps, filter, image, training);
            features.add(Activation.relu(maps).squeeze(3).max(new int[] {2}));                 // [B, filters]
        }
        NDArray columns = vertical.forward(ps, new NDList(image), training).singletonOrThrow(); // [B, 4, 1, E]
        features.add(columns.reshape(batch, -1));
        NDArray joined = NDArrays.concat(features, 1);
        joined = dropout.forward(ps, new NDList(joined), training).singletonOrThrow();
        NDArray z = Activation.relu(dense.forward(ps, new NDList(joined), training).singletonOrThrow());
        return z.expandDims(1);                                                                // [B, 1, E]
    }

    /**
     * The filter that spans the whole image, {@code [B, filters, 1, 1]}, as a linear map of the flattened image:
     * libtorch 2.7.1's CPU convolution answers wrongly for a batch of more than one row when the kernel covers the
     * whole input (CutInferenceTest compares batched scores with rows scored alone). The same parameters, so models
     * saved before read the same.
     */
    private static NDArray fullHeight(ParameterStore ps, Conv2d filter, NDArray image, boolean training) {
        NDArray weight = ps.getValue(filter.getParameters().get("weight"), image.getDevice(), training); // [F,1,L,E]
        NDArray bias = ps.getValue(filter.getParameters().get("bias"), image.getDevice(), training);     // [F]
        long batch = image.getShape().get(0);
        NDArray flat = image.reshape(batch, -1);                                                 // [B, L*E]
        // Copied into the batch's scope first: an op that starts from a parameter would outlive the step.
        NDArray rows = flat.getManager().zeros(new Shape(1), weight.getDataType()).add(weight)
                .reshape(weight.getShape().get(0), -1);                                           // [F, L*E]
        return Linear.linear(flat, rows, bias).singletonOrThrow().reshape(batch, -1, 1, 1);
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
