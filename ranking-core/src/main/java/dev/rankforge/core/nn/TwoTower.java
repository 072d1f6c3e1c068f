package dev.rankforge.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.List;

/**
 * A two-tower retriever (the sampling-bias-corrected model of Yi et al., RecSys 2019): a user tower encodes the
 * history, an item tower embeds item ids, and an item's score is the cosine of the two vectors over a temperature,
 * so that the items can be served from a nearest-neighbour index of the item tower. User towers
 * ({@link ModelSpec#userTower()}): {@value #MEAN} (mean of the history's item embeddings, then a linear layer),
 * {@value #GRU} (GRU4Rec's GRU and projection) or {@value #SELF_ATTENTION} (SASRec's causal encoder). Every tower is
 * causal, so a representation at every position encodes the prefix ending there. Trained with in-batch negatives and
 * the log-Q correction by default, or the full softmax over the catalogue; as a student it distils from teacher
 * lists like every other architecture. The item table is the only item tower here; extra item features are not
 * modelled.
 */
public final class TwoTower extends SequenceRecommender {
    public static final String MEAN = "mean";
    public static final String GRU = "gru";
    public static final String SELF_ATTENTION = "self-attention";
    public static final List<String> TOWERS = List.of(MEAN, GRU, SELF_ATTENTION);
    public static final float DEFAULT_TEMPERATURE = 0.05f;
    private static final byte VERSION = 1;
    private static final float NORM_EPSILON = 1e-12f; // under the root: a zero vector has a finite gradient

    private final String towerName;
    private final float temperature;
    private final SequenceRecommender tower;  // GRU and self-attention towers
    private final Linear meanProjection;      // the mean tower

    public TwoTower(ModelSpec spec) {
        super(VERSION, spec, 0);
        this.towerName = spec.userTower() == null ? MEAN : spec.userTower();
        this.temperature = spec.temperature() == null ? DEFAULT_TEMPERATURE : spec.temperature();
        switch (towerName) {
            case MEAN -> {
                this.tower = null;
                this.meanProjection = addChildBlock("meanTower",
                        Linear.builder().setUnits(spec.embeddingSize()).build());
            }
            case GRU -> {
                this.tower = addChildBlock("gruTower", new Gru4Rec(spec, false));
                this.meanProjection = null;
            }
            case SELF_ATTENTION -> {
                this.tower = addChildBlock("attentionTower", new SasRec(spec, false));
                this.meanProjection = null;
            }
            default -> throw new IllegalArgumentException("unknown userTower '" + towerName + "', known: " + TOWERS);
        }
    }

    @Override
    public boolean encodesPrefixesInOnePass() {
        return true;
    }

    @Override
    public Objective objective() {
        return Objective.IN_BATCH_SOFTMAX;
    }

    @Override
    public List<Objective> objectives() {
        return List.of(Objective.IN_BATCH_SOFTMAX, Objective.IN_BATCH_SOFTMAX_UNCORRECTED,
                Objective.NEXT_ITEM_ALL_POSITIONS);
    }

    /** The item tower's output: every row of the embedding table L2-normalised. */
    @Override
    public NDArray itemTable(ParameterStore ps, NDManager manager, boolean training) {
        NDArray raw = super.itemTable(ps, manager, training);
        NDArray ids = manager.arange(0, (int) raw.getShape().get(0), 1, DataType.INT64);
        // Looked up with a batch id array first, so that the normalised copy lives in the caller's manager.
        return normalised(Embedding.embedding(ids, raw, SparseFormat.DENSE).singletonOrThrow());
    }

    @Override
    protected NDArray encode(ParameterStore ps, NDArray embedded, NDArray mask, boolean training) {
        NDArray masked = embedded.mul(mask.expandDims(2));
        return scaled(tower == null ? cumulativeMean(ps, masked, mask, training)
                : tower.encode(ps, masked, mask, training));
    }

    /** Padding is zeroed before the tower; the GRU tower starts from the state zero padding leads to. */
    @Override
    protected NDArray encodeCut(ParameterStore ps, NDArray embedded, NDArray mask, int paddingAhead) {
        NDArray masked = embedded.mul(mask.expandDims(2));
        return scaled(tower == null ? cumulativeMean(ps, masked, mask, false)
                : tower.encodeCut(ps, masked, mask, paddingAhead));
    }

    /** The user vector {@code [B, T, E]} as scored: unit length over the temperature. */
    private NDArray scaled(NDArray user) {
        return normalised(user).div(temperature);
    }

    /** At each position the mean of the real items up to it, through the tower's linear layer. */
    private NDArray cumulativeMean(ParameterStore ps, NDArray masked, NDArray mask, boolean training) {
        NDArray sums = masked.cumSum(1);                                                      // [B, T, E]
        NDArray counts = mask.cumSum(1).maximum(1f).expandDims(2);                            // [B, T, 1]
        return meanProjection.forward(ps, new NDList(sums.div(counts)), training).singletonOrThrow();
    }

    private static NDArray normalised(NDArray x) {
        NDArray norms = x.square().sum(new int[] {-1}, true).add(NORM_EPSILON).sqrt();
        return x.div(norms);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        if (tower != null) {
            tower.initialize(manager, dataType, in);
        } else {
            meanProjection.initialize(manager, dataType, new Shape(in.get(0), in.get(1), spec.embeddingSize()));
        }
    }
}
