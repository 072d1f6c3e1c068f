package dev.rankforge.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Binary cross-entropy with sampled negatives (SASRec's objective): positives (label &gt; 0) toward 1,
 * negatives toward 0; loss = mean over real entries of {@code -[y log sigmoid(s) + (1-y) log sigmoid(-s)]}.
 */
public final class SampledBce implements RankingLoss {
    public static final String NAME = "bce";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public NDArray evaluate(ListBatch batch) {
        NDArray y = batch.labels().gt(0).toType(DataType.FLOAT32, false);
        NDArray s = batch.scores();
        NDArray perEntry = y.mul(ListOps.logSigmoid(s)).add(y.sub(1f).neg().mul(ListOps.logSigmoid(s.neg()))).neg();
        NDArray count = batch.mask().sum(new int[] {1});
        return ListOps.meanOverRows(perEntry.mul(batch.mask()).sum(new int[] {1}).div(count.maximum(1f)), count);
    }
}
