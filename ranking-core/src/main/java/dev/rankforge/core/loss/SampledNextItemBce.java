package dev.rankforge.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.training.loss.Loss;

/**
 * SASRec's objective: at every position with a target, the next item and one sampled negative are scored
 * by dot product with the representation and scored by {@link SampledBce} as a two-item list.
 *
 * <p>Labels: {@code (targets [batch, positions], negatives [batch, positions])}, 0 where there is no target.
 * Predictions: {@code (representations, item table)}.
 */
public final class SampledNextItemBce extends Loss {
    private final SampledBce bce = new SampledBce();

    public SampledNextItemBce() {
        super("sampled-next-item-bce");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray targets = labels.get(0);
        NDArray negatives = labels.get(1);
        NDArray representations = predictions.get(0);
        NDArray table = predictions.get(1);
        NDArray positive = Embedding.embedding(targets, table, SparseFormat.DENSE).singletonOrThrow()
                .mul(representations).sum(new int[] {2});
        NDArray negative = Embedding.embedding(negatives, table, SparseFormat.DENSE).singletonOrThrow()
                .mul(representations).sum(new int[] {2});
        NDArray scores = positive.expandDims(-1).concat(negative.expandDims(-1), -1).reshape(new Shape(-1, 2));
        NDArray mask = targets.gt(0).toType(DataType.FLOAT32, false).reshape(new Shape(-1, 1)).repeat(1, 2);
        NDArray pairLabels = scores.getManager().create(new float[] {1f, 0f}).expandDims(0)
                .repeat(0, scores.getShape().get(0));
        return bce.evaluate(new ListBatch(scores, pairLabels, mask));
    }
}
