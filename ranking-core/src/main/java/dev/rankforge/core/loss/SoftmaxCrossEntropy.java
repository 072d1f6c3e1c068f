package dev.rankforge.core.loss;

import ai.djl.ndarray.NDArray;

/**
 * Full-softmax cross-entropy: labels are target weights (one-hot for next-item prediction), normalised
 * per row; loss = {@code -sum_j y_j log softmax(s)_j}. With all items as the list this is the usual
 * next-item objective.
 */
public final class SoftmaxCrossEntropy implements RankingLoss {
    public static final String NAME = "softmax-ce";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public NDArray evaluate(ListBatch batch) {
        return crossEntropy(batch.scores(), batch.labels(), batch.mask());
    }

    static NDArray crossEntropy(NDArray scores, NDArray labels, NDArray mask) {
        NDArray weights = labels.mul(mask);
        NDArray total = weights.sum(new int[] {1}, true);
        NDArray perRow = weights.div(total.maximum(1e-12f)).mul(ListOps.logSoftmax(scores, mask))
                .sum(new int[] {1}).neg();
        return ListOps.meanOverRows(perRow, total.squeeze(1));
    }
}
