package dev.rankforge.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;

/**
 * Ranking distillation (Tang &amp; Wang, KDD 2018): the teacher's top-K items (labels &gt; 0, higher = better
 * teacher rank) are weighted positives, {@code loss = -sum_r w_r log sigmoid(s_r) / sum_r w_r}. Position
 * weights: {@code 1/r}, {@code exp(-r/λ)} or uniform. With the dynamic weight, each item also gets
 * {@code tanh(max(μ (r̂ - r), 0))} where r̂ is the student's rank of the item within the list, and the
 * two weights are averaged (the paper's hybrid weighting).
 */
public final class RankingDistillation implements RankingLoss {
    public static final String NAME = "ranking-distillation";

    /** How the teacher rank r (1-based) weighs an item. */
    public enum PositionWeight { INVERSE, EXPONENTIAL, UNIFORM }

    private final PositionWeight weighting;
    private final float lambda;
    private final boolean dynamic;
    private final float mu;

    public RankingDistillation(PositionWeight weighting, float lambda, boolean dynamic, float mu) {
        this.weighting = weighting;
        this.lambda = lambda;
        this.dynamic = dynamic;
        this.mu = mu;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public NDArray evaluate(ListBatch batch) {
        NDList sorted = ListOps.sortedByLabel(batch);
        NDArray scores = sorted.get(0);
        NDArray mask = sorted.get(2);
        NDArray teacher = sorted.get(1).gt(0).toType(DataType.FLOAT32, false).mul(mask);
        long length = scores.getShape().get(1);
        NDArray rank = scores.getManager().arange(1f, length + 1f).expandDims(0);
        NDArray weights = switch (weighting) {
            case INVERSE -> rank.pow(-1f);
            case EXPONENTIAL -> rank.neg().div(lambda).exp();
            case UNIFORM -> rank.onesLike();
        };
        weights = weights.mul(teacher);
        if (dynamic) {
            NDArray studentRank = ListOps.ranks(scores, mask);
            NDArray discrepancy = studentRank.sub(rank).mul(mu).maximum(0f).tanh().mul(teacher);
            weights = normalise(weights).add(normalise(discrepancy)).div(2f);
        }
        NDArray total = weights.sum(new int[] {1});
        NDArray perRow = weights.stopGradient().mul(ListOps.logSigmoid(scores)).sum(new int[] {1}).neg()
                .div(total.maximum(1e-12f));
        return ListOps.meanOverRows(perRow, total);
    }

    private static NDArray normalise(NDArray weights) {
        return weights.div(weights.sum(new int[] {1}, true).maximum(1e-12f));
    }
}
