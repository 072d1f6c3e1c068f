package dev.rankforge.core.loss;

import ai.djl.ndarray.NDArray;

/**
 * Bayesian personalised ranking: every positive (label &gt; 0) should outscore every negative (label 0);
 * loss = mean over (positive, negative) pairs of {@code -log sigmoid(s_pos - s_neg)}.
 */
public final class Bpr implements RankingLoss {
    public static final String NAME = "bpr";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public NDArray evaluate(ListBatch batch) {
        NDArray positive = batch.labels().gt(0).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).mul(batch.mask());
        NDArray negative = batch.mask().sub(positive);
        return ListOps.meanPairwiseLogistic(batch.scores(), ListOps.outer(positive, negative));
    }
}
