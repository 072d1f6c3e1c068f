package dev.rankforge.core.loss;

import ai.djl.ndarray.NDArray;

/**
 * ListNet (Cao et al. 2007), top-one approximation: cross-entropy between the softmax of the labels
 * (teacher scores or relevance) and the softmax of the student scores.
 */
public final class ListNet implements RankingLoss {
    public static final String NAME = "listnet";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public NDArray evaluate(ListBatch batch) {
        NDArray teacher = ListOps.logSoftmax(batch.labels(), batch.mask()).exp().mul(batch.mask());
        NDArray perRow = teacher.mul(ListOps.logSoftmax(batch.scores(), batch.mask())).sum(new int[] {1}).neg();
        return ListOps.meanOverRows(perRow, batch.mask().sum(new int[] {1}));
    }
}
