package dev.rankforge.core.loss;

import ai.djl.ndarray.NDArray;

/** A training or distillation loss over lists of scores; returns a scalar, the mean over non-empty rows. */
public interface RankingLoss {
    /** Registry name, e.g. {@code listnet}. */
    String name();

    NDArray evaluate(ListBatch batch);
}
