package dev.rankforge.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.loss.Loss;

/**
 * Full-softmax cross-entropy over all items at every position that has a target: {@link SoftmaxCrossEntropy}
 * with one-hot labels, specialised to sequence outputs so no one-hot {@code [batch, positions, items]} tensor
 * is built. The objective of GRU4Rec, NARM and BERT4Rec.
 *
 * <p>Labels: target ids {@code [batch, positions]}, 0 where there is no target. Predictions: the model's
 * training output {@code (representations [batch, positions, width], item table [tokens, width])}. Only the
 * positions with a target are projected onto the item table, so padded positions cost nothing. The padding column
 * and any special tokens beyond {@code numItems} are masked before the softmax.
 */
public final class NextItemCrossEntropy extends Loss {
    private final int numItems;

    public NextItemCrossEntropy(int numItems) {
        super("next-item-ce");
        this.numItems = numItems;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        TargetPositions real = TargetPositions.of(labels, predictions);
        if (real == null) {
            return TargetPositions.none(predictions);
        }
        NDArray scores = Linear.linear(real.representations(), predictions.get(1)).singletonOrThrow(); // [N, tokens]
        long tokens = scores.getShape().getLastDimension();
        NDArray excluded = scores.getManager().zeros(new Shape(tokens));
        excluded.set(new NDIndex(0), ListOps.SENTINEL);
        if (tokens > numItems + 1L) {
            excluded.set(new NDIndex((numItems + 1) + ":"), ListOps.SENTINEL);
        }
        NDArray logProbabilities = scores.add(excluded).logSoftmax(-1);
        return logProbabilities.gather(real.targets().expandDims(-1), -1).mean().neg();
    }
}
