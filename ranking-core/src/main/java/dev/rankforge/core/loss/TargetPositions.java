package dev.rankforge.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * The positions of a sequence output that have a target, gathered before anything is scored: padding and
 * positions without a target cost nothing, which matters when histories are short against the maximum length and
 * the catalogue is large.
 *
 * @param representations {@code [N, width]} the model's representations at those positions
 * @param targets         {@code [N]} their target ids
 */
record TargetPositions(NDArray representations, NDArray targets) {
    /**
     * @param labels      target ids {@code [batch, positions]}, 0 where there is none
     * @param predictions the model's training output, representations {@code [batch, positions, width]} first
     * @return null when no position has a target
     */
    static TargetPositions of(NDList labels, NDList predictions) {
        NDArray targets = labels.singletonOrThrow().reshape(-1);                              // [B*T]
        NDArray representations = predictions.get(0);
        long width = representations.getShape().getLastDimension();
        NDArray positions = targets.gt(0).nonzero().reshape(-1);                              // [N]
        if (positions.getShape().get(0) == 0) {
            return null;
        }
        return new TargetPositions(representations.reshape(-1, width)
                .gather(positions.expandDims(1).repeat(1, width), 0), targets.gather(positions, 0));
    }

    /** The loss of a batch with no target: zero, still connected to the model's output. */
    static NDArray none(NDList predictions) {
        return predictions.get(0).sum().mul(0f);
    }
}
