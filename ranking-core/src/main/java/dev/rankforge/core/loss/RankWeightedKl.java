package dev.rankforge.core.loss;

import ai.djl.ndarray.NDArray;

/**
 * Rank-weighted KL: Hinton's distillation term with each item's contribution weighted by {@code 1/r}, r its
 * teacher rank within the list, the weights scaled to mean 1 over real entries so uniform weights would
 * recover {@link HintonKd}: {@code T² · sum_i w_i p_t,i (log p_t,i - log p_s,i)}.
 */
public final class RankWeightedKl implements RankingLoss {
    public static final String NAME = "rank-weighted-kl";
    private final float temperature;

    public RankWeightedKl(float temperature) {
        this.temperature = temperature;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public NDArray evaluate(ListBatch batch) {
        NDArray mask = batch.mask();
        NDArray weights = ListOps.ranks(batch.labels(), mask).pow(-1f).mul(mask);
        NDArray count = mask.sum(new int[] {1}, true);
        weights = weights.mul(count).div(weights.sum(new int[] {1}, true).maximum(1e-12f));
        NDArray perRow = HintonKd.klTerms(batch, temperature).mul(weights).sum(new int[] {1})
                .mul(temperature * temperature);
        return ListOps.meanOverRows(perRow, count.squeeze(1));
    }
}
