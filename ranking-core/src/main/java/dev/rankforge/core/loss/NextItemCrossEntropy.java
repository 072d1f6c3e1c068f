package dev.rankforge.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * Full-softmax cross-entropy over all items at every non-padding position: {@link SoftmaxCrossEntropy}
 * with one-hot labels, specialised to sequence outputs so no one-hot {@code [batch, length, items]} tensor
 * is ever built. It is the training objective DJL's trainer calls.
 *
 * <p>Labels: target item ids {@code [batch, length]} with 0 at padding positions (ignored).
 * Predictions: scores {@code [batch, length, numItems + 1]}; column 0 (padding) is masked out before the
 * softmax. The loss is the mean over real positions.
 */
public final class NextItemCrossEntropy extends Loss {
    private static final float MASKED = -1e9f;

    public NextItemCrossEntropy() {
        super("next-item-ce");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray targets = labels.singletonOrThrow();
        NDArray scores = predictions.singletonOrThrow();
        NDArray paddingColumn = scores.getManager().zeros(new ai.djl.ndarray.types.Shape(scores.getShape().tail()));
        paddingColumn.set(new ai.djl.ndarray.index.NDIndex(0), MASKED);
        NDArray logProbabilities = scores.add(paddingColumn).logSoftmax(-1);
        NDArray picked = logProbabilities.gather(targets.expandDims(-1), -1).squeeze(-1);
        NDArray mask = targets.gt(0).toType(DataType.FLOAT32, false);
        return picked.mul(mask).sum().neg().div(mask.sum().maximum(1f));
    }
}
