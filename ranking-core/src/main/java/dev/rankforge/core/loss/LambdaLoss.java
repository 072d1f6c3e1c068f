package dev.rankforge.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * LambdaLoss (Wang et al. 2018) with the LambdaRank NDCG weight (Burges 2010): every pair
 * with {@code l_i > l_j} contributes {@code |ΔNDCG_ij| * log(1 + exp(-(s_i - s_j)))}, where ΔNDCG is the
 * change in NDCG from swapping i and j at their current ranks under the student's scores (gain
 * {@code 2^l - 1}, discount {@code log2(1 + rank)}), normalised by the ideal DCG.
 */
public final class LambdaLoss implements RankingLoss {
    public static final String NAME = "lambdaloss";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public NDArray evaluate(ListBatch batch) {
        NDArray mask = batch.mask();
        NDArray labels = batch.labels().mul(mask);
        NDArray gains = ListOps.gains(labels);
        NDArray inverseDiscount = ListOps.ranks(batch.scores(), mask).add(1f).log2().pow(-1f);
        NDArray idcg = ListOps.idealDcg(batch.labels(), mask).expandDims(1).expandDims(2);
        NDArray deltaNdcg = ListOps.pairwiseDifferences(gains).abs()
                .mul(ListOps.pairwiseDifferences(inverseDiscount).abs())
                .div(idcg.maximum(1e-12f));
        NDArray better = ListOps.pairwiseDifferences(labels).gt(0).toType(DataType.FLOAT32, false)
                .mul(ListOps.outer(mask, mask));
        NDArray perPair = ListOps.logSigmoid(ListOps.pairwiseDifferences(batch.scores())).neg()
                .mul(deltaNdcg.stopGradient()).mul(better);
        return ListOps.meanOverRows(perPair.sum(new int[] {1, 2}), better.sum(new int[] {1, 2}));
    }
}
