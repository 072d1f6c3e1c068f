package dev.rankforge.core.loss;

import ai.djl.ndarray.NDArray;

/**
 * Sampled softmax with in-batch negatives and log-Q correction (Yi et al., RecSys 2019): row b scores its
 * own positive and the other rows' positives; {@code offsets} holds {@code log Q(item)} of each column's
 * sampling probability, subtracted before the softmax so popular in-batch negatives are not over-penalised.
 * Labels mark the positive (typically the identity matrix).
 */
public final class SampledSoftmax implements RankingLoss {
    public static final String NAME = "sampled-softmax";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public NDArray evaluate(ListBatch batch) {
        NDArray corrected = batch.offsets() == null ? batch.scores() : batch.scores().sub(batch.offsets());
        return SoftmaxCrossEntropy.crossEntropy(corrected, batch.labels(), batch.mask());
    }
}
