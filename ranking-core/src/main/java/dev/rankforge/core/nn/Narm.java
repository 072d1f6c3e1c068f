package dev.rankforge.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.GRU;
import ai.djl.training.ParameterStore;

/**
 * NARM (Li et al., CIKM 2017): a GRU encoder whose last state is the global preference, an attention over
 * all states conditioned on it ({@code α_j = v·σ(A1 h_j + A2 h_t)}, padding masked) for the local purpose,
 * and a bilinear decoder {@code score_i = e_i · B [c_g; c_l]}. The spec's dropout on the item embeddings and on
 * {@code [c_g; c_l]} (the extraction paper's code: 0.1 each; the NARM paper had 0.25 and 0.5).
 * One representation per prefix: trained on one random prefix per sequence (the paper's) or, from one pass,
 * on many ({@code prefixes-ce}; {@link #encodeAt}).
 */
public final class Narm extends SequenceRecommender {
    private static final byte VERSION = 1;

    private final Dropout embeddingDropout;
    private final GRU gru;
    private final Linear a1;
    private final Linear a2;
    private final Linear v;
    private final Dropout contextDropout;
    private final Linear bilinear;

    public Narm(ModelSpec spec) {
        super(VERSION, spec, 0);
        this.embeddingDropout = addChildBlock("embeddingDropout", Dropout.builder().optRate(spec.dropout()).build());
        this.gru = addChildBlock("gru", GRU.builder().setStateSize(spec.hiddenSize()).setNumLayers(1)
                .optBatchFirst(true).optReturnState(false).build());
        this.a1 = addChildBlock("a1", Linear.builder().setUnits(spec.hiddenSize()).optBias(false).build());
        this.a2 = addChildBlock("a2", Linear.builder().setUnits(spec.hiddenSize()).optBias(false).build());
        this.v = addChildBlock("v", Linear.builder().setUnits(1).optBias(false).build());
        this.contextDropout = addChildBlock("contextDropout", Dropout.builder().optRate(spec.dropout()).build());
        this.bilinear = addChildBlock("bilinear", Linear.builder().setUnits(spec.embeddingSize()).optBias(false)
                .build());
    }

    @Override
    public boolean encodesPrefixesInOnePass() {
        return true;
    }

    /** As many prefixes as the pairwise attention of a pass fits ({@link TrainingBatch#prefixesPerRow}). */
    @Override
    public int prefixesPerPass(int rows) {
        return TrainingBatch.prefixesPerRow(rows, spec().maxLength(), spec().hiddenSize());
    }

    @Override
    public Objective objective() {
        return Objective.NEXT_ITEM_LAST_POSITION;
    }

    @Override
    public java.util.List<Objective> objectives() {
        return java.util.List.of(Objective.NEXT_ITEM_LAST_POSITION, Objective.NEXT_ITEM_PREFIXES);
    }

    @Override
    protected NDArray encode(ParameterStore ps, NDArray embedded, NDArray mask, boolean training) {
        return encodeAt(ps, embedded, mask, lastPosition(embedded), training);                 // [B, 1, E]
    }

    /**
     * One GRU pass over the whole input; for each prefix end {@code p}, the global state is {@code h_p} and the
     * attention runs over {@code h_j, j ≤ p} only, so a prefix is encoded exactly as the input cut after {@code p}.
     */
    @Override
    protected NDArray encodeAt(ParameterStore ps, NDArray embedded, NDArray mask, NDArray positions,
                               boolean training) {
        return encodeAt(ps, embedded, mask, positions, 0, training);
    }

    /** NARM pays about 6 ms a pass (its step loop and attention) against 0.0022 ms a row position. Measured as {@link SequenceRecommender#inferencePassCost()} says. */
    @Override
    public int inferencePassCost() {
        return 2500;
    }

    @Override
    protected NDArray encodeCut(ParameterStore ps, NDArray embedded, NDArray mask, int paddingAhead) {
        return encodeAt(ps, embedded, mask, lastPosition(embedded), paddingAhead, false);
    }

    private static NDArray lastPosition(NDArray embedded) {
        long batch = embedded.getShape().get(0);
        long last = embedded.getShape().get(1) - 1;
        return embedded.getManager().full(new Shape(batch, 1), (float) last, DataType.INT64);
    }

    /** @param paddingAhead padding steps before the first column (its attention is masked; the GRU walks them) */
    private NDArray encodeAt(ParameterStore ps, NDArray embedded, NDArray mask, NDArray positions, int paddingAhead,
                             boolean training) {
        embedded = embeddingDropout.forward(ps, new NDList(embedded), training).singletonOrThrow();
        NDList gruInputs = GruPadding.inputs(gru, this, ps, embedded, paddingAhead);
        NDArray states = gru.forward(ps, gruInputs, training).singletonOrThrow();               // [B, T, H]
        long length = states.getShape().get(1);
        long hidden = states.getShape().get(2);
        NDArray global = states.gather(positions.expandDims(2).repeat(2, hidden), 1);         // [B, P, H]
        NDArray query = a2.forward(ps, new NDList(global), training).singletonOrThrow();      // [B, P, H]
        NDArray keys = a1.forward(ps, new NDList(states), training).singletonOrThrow();       // [B, T, H]
        NDArray pairs = Activation.sigmoid(keys.expandDims(1).add(query.expandDims(2)));      // [B, P, T, H]
        NDArray alpha = v.forward(ps, new NDList(pairs), training).singletonOrThrow().squeeze(3); // [B, P, T]
        NDArray steps = states.getManager().arange(0, (int) length).toType(DataType.INT64, false)
                .reshape(1, 1, length);
        NDArray visible = steps.lte(positions.expandDims(2)).toType(alpha.getDataType(), false)
                .mul(mask.expandDims(1));                                                     // [B, P, T]
        NDArray local = alpha.mul(visible).batchMatMul(states);                               // [B, P, H]
        NDArray context = global.concat(local, 2);                                            // [B, P, 2H]
        context = contextDropout.forward(ps, new NDList(context), training).singletonOrThrow();
        return bilinear.forward(ps, new NDList(context), training).singletonOrThrow();        // [B, P, E]
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        long b = in.get(0);
        long t = in.get(1);
        int h = spec.hiddenSize();
        embeddingDropout.initialize(manager, dataType, new Shape(b, t, spec.embeddingSize()));
        gru.initialize(manager, dataType, new Shape(b, t, spec.embeddingSize()));
        a1.initialize(manager, dataType, new Shape(b, t, h));
        a2.initialize(manager, dataType, new Shape(b, 1, h));
        v.initialize(manager, dataType, new Shape(b, t, h));
        contextDropout.initialize(manager, dataType, new Shape(b, 1, 2L * h));
        bilinear.initialize(manager, dataType, new Shape(b, 1, 2L * h));
    }
}
