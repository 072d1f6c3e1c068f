package dev.rankforge.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;

/** Shared list operations of the losses: the padding sentinel, sorting by label, row means. */
final class ListOps {
    /** Padding scores become this before any softmax or sort (finite, so 0 * sentinel stays 0). */
    static final float SENTINEL = -1e9f;

    private ListOps() {
    }

    /** Scores with padding replaced by the sentinel. */
    static NDArray masked(NDArray values, NDArray mask) {
        return values.mul(mask).add(mask.sub(1f).neg().mul(SENTINEL));
    }

    /** Mean of per-row values over rows whose {@code rowWeight} is positive. */
    static NDArray meanOverRows(NDArray perRow, NDArray rowWeight) {
        NDArray used = rowWeight.gt(0).toType(DataType.FLOAT32, false);
        return perRow.mul(used).sum().div(used.sum().maximum(1f));
    }

    /**
     * Scores, labels and mask reordered per row by label, best first; padding goes last.
     * Returns {scores, labels, mask}.
     */
    static NDList sortedByLabel(ListBatch batch) {
        NDArray order = masked(batch.labels(), batch.mask()).argSort(1, false);
        return new NDList(batch.scores().gather(order, 1), batch.labels().gather(order, 1),
                batch.mask().gather(order, 1));
    }

    /** {@code out[b, i, j] = x[b, i] - x[b, j]}. */
    static NDArray pairwiseDifferences(NDArray x) {
        return x.expandDims(2).sub(x.expandDims(1));
    }

    /**
     * Mean over the marked pairs of {@code -log sigmoid(s_i - s_j)} per row ({@code pairs[b, i, j]} = 1 where i should
     * outscore j), then over the rows that have a pair: the pairwise logistic loss of BPR and RankNet.
     */
    static NDArray meanPairwiseLogistic(NDArray scores, NDArray pairs) {
        NDArray perPair = logSigmoid(pairwiseDifferences(scores)).neg().mul(pairs);
        NDArray count = pairs.sum(new int[] {1, 2});
        return meanOverRows(perPair.sum(new int[] {1, 2}).div(count.maximum(1f)), count);
    }

    /** {@code out[b, i, j] = a[b, i] * c[b, j]}. */
    static NDArray outer(NDArray a, NDArray c) {
        return a.expandDims(2).mul(c.expandDims(1));
    }

    /** Log-softmax over the list with padding excluded. */
    static NDArray logSoftmax(NDArray scores, NDArray mask) {
        return masked(scores, mask).logSoftmax(1);
    }

    /** 1-based rank of each entry by descending value (no gradient); padding ranks last. */
    static NDArray ranks(NDArray values, NDArray mask) {
        NDArray order = masked(values.stopGradient(), mask).argSort(1, false);
        return order.argSort(1, true).toType(DataType.FLOAT32, false).add(1f);
    }

    /** Ideal DCG of each row's labels (gain 2^l - 1), {@code [batch]}. */
    static NDArray idealDcg(NDArray labels, NDArray mask) {
        // Descending sort; padding (the sentinel) ends last and is zeroed by the equally sorted mask.
        NDArray sortedLabels = masked(labels, mask).neg().sort(1).neg().mul(mask.neg().sort(1).neg());
        long length = labels.getShape().get(1);
        NDArray positions = labels.getManager().arange(2f, length + 2f);
        NDArray discounts = positions.log2();
        return gains(sortedLabels).div(discounts).sum(new int[] {1});
    }

    /** {@code log(sigmoid(x))}, computed stably as {@code -softplus(-x)}. */
    static NDArray logSigmoid(NDArray x) {
        return ai.djl.nn.Activation.softPlus(x.neg()).neg();
    }

    /** Exponential gain {@code 2^l - 1}. */
    static NDArray gains(NDArray labels) {
        return labels.mul((float) Math.log(2)).exp().sub(1f);
    }
}
