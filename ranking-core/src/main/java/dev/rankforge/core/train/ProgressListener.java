package dev.rankforge.core.train;

/**
 * Receives progress from {@link TrainingLoop} on the training thread: after each epoch, and within one. (Not DJL's
 * {@code ai.djl.training.listener.TrainingListener}, which it does not extend.)
 */
@FunctionalInterface
public interface ProgressListener {
    void onEpoch(EpochReport report);

    /**
     * After each batch of epoch {@code epoch}: {@code done} of its {@code examples} examples are trained, in
     * {@code seconds}. Lets a long epoch on a large dataset show how far it is and how long it will take.
     */
    default void onBatch(int epoch, int done, int examples, double seconds) {
    }

    ProgressListener NONE = report -> { };
}
