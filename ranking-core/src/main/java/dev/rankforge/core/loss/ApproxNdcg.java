package dev.rankforge.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * ApproxNDCG (Qin et al. 2010): ranks are smoothed as {@code 1 + sum_{j != i} sigmoid((s_j - s_i) / T)}
 * and the loss is {@code 1 - approximate NDCG} (gain {@code 2^l - 1}).
 */
public final class ApproxNdcg implements RankingLoss {
    public static final String NAME = "approx-ndcg";
    private final float temperature;

    public ApproxNdcg() {
        this(1f);
    }

    public ApproxNdcg(float temperature) {
        this.temperature = temperature;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public NDArray evaluate(ListBatch batch) {
        NDArray mask = batch.mask();
        NDArray others = ListOps.outer(mask, mask);
        // sigmoid((s_j - s_i)/T) summed over real j; the j == i term is exactly 0.5 and is removed.
        NDArray pairwise = Activation.sigmoid(ListOps.pairwiseDifferences(batch.scores()).neg().div(temperature));
        NDArray approxRank = pairwise.mul(others).sum(new int[] {2}).sub(mask.mul(0.5f)).add(1f);
        NDArray dcg = ListOps.gains(batch.labels().mul(mask)).div(approxRank.add(1f).log2()).mul(mask)
                .sum(new int[] {1});
        NDArray idcg = ListOps.idealDcg(batch.labels(), mask);
        NDArray perRow = dcg.div(idcg.maximum(1e-12f)).neg().add(1f);
        return ListOps.meanOverRows(perRow, idcg);
    }
}
