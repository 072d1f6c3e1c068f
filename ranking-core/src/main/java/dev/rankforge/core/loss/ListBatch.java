package dev.rankforge.core.loss;

import ai.djl.ndarray.NDArray;

/**
 * The one input shape of every {@link RankingLoss}: per row, a list of candidate items.
 *
 * @param scores  student scores {@code [batch, list]}
 * @param labels  {@code [batch, list]}: graded relevance (teacher lists: higher = better rank, 0 = negative),
 *                a one-hot target, or teacher scores; each loss says which
 * @param mask    {@code [batch, list]}: 1 for real entries, 0 for padding (padding never affects the loss)
 * @param offsets {@code [batch, list]} subtracted from the scores before a softmax (log-Q correction of
 *                sampled softmax); {@code null} when unused
 */
public record ListBatch(NDArray scores, NDArray labels, NDArray mask, NDArray offsets) {
    public ListBatch(NDArray scores, NDArray labels, NDArray mask) {
        this(scores, labels, mask, null);
    }
}
