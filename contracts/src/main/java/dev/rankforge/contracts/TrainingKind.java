package dev.rankforge.contracts;

/** What a training job learns from. */
public enum TrainingKind {
    /** Supervised next-item training on a dataset version. */
    TRAIN,
    /** A student distilled from a registered (white-box) teacher model's ranked lists on the dataset's sequences. */
    DISTILL,
    /** A surrogate extracted from a black-box recommender that only answers ranked ids (data-free queries). */
    EXTRACT
}
