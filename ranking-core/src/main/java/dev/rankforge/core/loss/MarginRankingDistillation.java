package dev.rankforge.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import java.util.Random;

/**
 * The black-box extraction paper's ranking loss (Yue et al., RecSys 2021). The list holds the teacher's
 * top-k (labels &gt; 0, higher = better teacher rank) and sampled negatives (label 0). Two hinge terms:
 * teacher item at rank r over the one at rank r + p ({@code max(0, m - (s_r - s_{r+p}))}, p = 1 by
 * default or drawn uniformly from [1, (k+1)/2] per call), and every teacher item over every negative.
 * The loss is the sum of the two terms' means.
 */
public final class MarginRankingDistillation implements RankingLoss {
    public static final String NAME = "margin-rank";
    public static final String NAME_RANDOM_OFFSET = "margin-rank-offset";

    private final float margin;
    private final Random offsets;

    /** Adjacent pairs (p = 1). */
    public MarginRankingDistillation(float margin) {
        this(margin, null);
    }

    /** @param offsets when not null, p is drawn from it for every call */
    public MarginRankingDistillation(float margin, Random offsets) {
        this.margin = margin;
        this.offsets = offsets;
    }

    @Override
    public String name() {
        return offsets == null ? NAME : NAME_RANDOM_OFFSET;
    }

    @Override
    public NDArray evaluate(ListBatch batch) {
        NDList sorted = ListOps.sortedByLabel(batch);
        NDArray scores = sorted.get(0);
        NDArray mask = sorted.get(2);
        NDArray teacher = sorted.get(1).gt(0).toType(DataType.FLOAT32, false).mul(mask);
        NDArray negative = mask.sub(teacher);
        long length = scores.getShape().get(1);
        int k = Math.max(1, (int) teacher.sum(new int[] {1}).max().toType(DataType.INT32, false).getInt());
        int p = offsets == null ? 1 : 1 + offsets.nextInt(Math.max(1, (k + 1) / 2));

        NDArray rankTerm = scores.get(":, 0").zerosLike();
        NDArray rankPairs = rankTerm;
        if (p < length) {
            NDArray upper = scores.get(":, :" + (length - p));
            NDArray lower = scores.get(":, " + p + ":");
            NDArray pairMask = teacher.get(":, :" + (length - p)).mul(teacher.get(":, " + p + ":"));
            rankTerm = upper.sub(lower).neg().add(margin).maximum(0f).mul(pairMask).sum(new int[] {1});
            rankPairs = pairMask.sum(new int[] {1});
        }
        NDArray negPairs = ListOps.outer(teacher, negative);
        NDArray negTerm = ListOps.pairwiseDifferences(scores).neg().add(margin).maximum(0f).mul(negPairs)
                .sum(new int[] {1, 2});
        NDArray negCount = negPairs.sum(new int[] {1, 2});
        NDArray perRow = rankTerm.div(rankPairs.maximum(1f)).add(negTerm.div(negCount.maximum(1f)));
        return ListOps.meanOverRows(perRow, rankPairs.add(negCount));
    }
}
