package dev.rankforge.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
import ai.djl.training.ParameterStore;

/**
 * GRU4Rec (Hidasi et al. 2016): item embedding, one GRU layer and a projection back to embedding width;
 * a representation at every position, trained with next-item cross-entropy at every position.
 */
public final class Gru4Rec extends SequenceRecommender {
    private static final byte VERSION = 2;

    private final GRU gru;
    private final Linear projection;

    public Gru4Rec(ModelSpec spec) {
        this(spec, true);
    }

    /** @param ownsTable false for a two-tower model's user tower */
    Gru4Rec(ModelSpec spec, boolean ownsTable) {
        super(VERSION, spec, 0, ownsTable);
        this.gru = addChildBlock("gru", GRU.builder()
                .setStateSize(spec.hiddenSize())
                .setNumLayers(1)
                .optBatchFirst(true)
                .optReturnState(false)
                .build());
        this.projection = addChildBlock("projection", Linear.builder().setUnits(spec.embeddingSize()).build());
    }

    @Override
    public boolean encodesPrefixesInOnePass() {
        return true;
    }

    @Override
    public Objective objective() {
        return Objective.NEXT_ITEM_ALL_POSITIONS;
    }

    @Override
    public java.util.List<Objective> objectives() {
        return java.util.List.of(Objective.NEXT_ITEM_ALL_POSITIONS, Objective.NEXT_ITEM_SAMPLED_BCE);
    }

    @Override
    protected NDArray encode(ParameterStore ps, NDArray embedded, NDArray mask, boolean training) {
        NDArray states = gru.forward(ps, new NDList(embedded), training).singletonOrThrow();
        return projection.forward(ps, new NDList(states), training).singletonOrThrow();
    }

    /** GRU4Rec pays about 3 ms a pass (its step loop) against 0.0013 ms a row position. Measured as {@link SequenceRecommender#inferencePassCost()} says. */
    @Override
    public int inferencePassCost() {
        return 2500;
    }

    @Override
    protected NDArray encodeCut(ParameterStore ps, NDArray embedded, NDArray mask, int paddingAhead) {
        NDList in = GruPadding.inputs(gru, this, ps, embedded, paddingAhead);
        NDArray states = gru.forward(ps, in, false).singletonOrThrow();
        return projection.forward(ps, new NDList(states), false).singletonOrThrow();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        gru.initialize(manager, dataType, new Shape(in.get(0), in.get(1), spec.embeddingSize()));
        projection.initialize(manager, dataType, new Shape(in.get(0), in.get(1), spec.hiddenSize()));
    }
}
