package dev.rankforge.core.train;

/** Receives progress from {@link TrainingLoop}; called on the training thread after each epoch. */
@FunctionalInterface
public interface TrainingListener {
    void onEpoch(EpochReport report);

    TrainingListener NONE = report -> { };
}
