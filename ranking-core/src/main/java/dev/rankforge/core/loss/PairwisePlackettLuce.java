package dev.rankforge.core.loss;

import ai.djl.ndarray.NDArray;

/**
 * Pairwise Plackett–Luce (the RankNet form, Burges et al. 2005) on teacher lists: for every pair of real entries the
 * labels rank apart ({@code label_i > label_j}), the two-item Plackett–Luce probability that i comes first is
 * {@code exp(s_i) / (exp(s_i) + exp(s_j)) = sigmoid(s_i - s_j)}; loss = mean over those pairs of its negative log.
 * Where {@link ListMle} scores the teacher's whole permutation at once (its top places weigh most), this scores each
 * ordered pair on its own, so an inversion deep in the list costs as much as one at the top. Negatives (label 0) are
 * below every listed item; pairs with equal labels say nothing and are left out.
 */
public final class PairwisePlackettLuce implements RankingLoss {
    public static final String NAME = "pairwise-pl";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public NDArray evaluate(ListBatch batch) {
        NDArray labels = batch.labels();
        NDArray ordered = labels.expandDims(2).gt(labels.expandDims(1))
                .toType(batch.mask().getDataType(), false)
                .mul(ListOps.outer(batch.mask(), batch.mask()));                      // [b, i, j]: i above j
        return ListOps.meanPairwiseLogistic(batch.scores(), ordered);
    }
}
