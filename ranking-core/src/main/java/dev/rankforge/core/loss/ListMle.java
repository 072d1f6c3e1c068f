package dev.rankforge.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * ListMLE (Xia et al. 2008): negative Plackett–Luce log-likelihood of the order given by the labels
 * (best first): {@code sum_i [log sum_{j>=i} exp(s_pi(j)) - s_pi(i)]} over real entries.
 */
public final class ListMle implements RankingLoss {
    public static final String NAME = "listmle";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public NDArray evaluate(ListBatch batch) {
        NDList sorted = ListOps.sortedByLabel(batch);
        NDArray mask = sorted.get(2);
        NDArray scores = ListOps.masked(sorted.get(0), mask);
        NDArray max = scores.max(new int[] {1}, true).stopGradient();
        // log of the reverse cumulative sum of exp, shifted by the row maximum for stability
        NDArray tailSums = scores.sub(max).exp().flip(1).cumSum(1).flip(1);
        NDArray perEntry = tailSums.maximum(1e-30f).log().add(max).sub(scores);
        NDArray perRow = perEntry.mul(mask).sum(new int[] {1});
        return ListOps.meanOverRows(perRow, mask.sum(new int[] {1}));
    }
}
