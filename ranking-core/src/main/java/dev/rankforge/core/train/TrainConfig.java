package dev.rankforge.core.train;

/**
 * Optimisation settings of {@link TrainingLoop}.
 *
 * @param weightDecay     decoupled (AdamW) weight decay
 * @param clipGradient    maximum global L2 norm of the gradients (0 disables clipping)
 * @param patience        epochs without validation NDCG@10 improvement before stopping early
 * @param validationUsers users scored for validation each epoch (0 = all)
 * @param device          DJL device name, e.g. {@code cpu} or {@code gpu0}
 * @param maskProbability share of items masked per sequence by the cloze objective (BERT4Rec: 0.2)
 * @param maxSeconds      no new epoch starts after this much training time (0 = no limit), for time-to-quality runs
 * @param windowStep      0: each user is one example, of which the objectives see the last {@code maxLength + 1}
 *                        items (the last-position objective draws its prefix from the whole history); 1 to maxLength:
 *                        one example per window of that size every {@code windowStep} items back from the end, so that
 *                        histories longer than the model's length train on all their items ({@link TrainingWindows})
 * @param learningRateSchedule how the rate moves over the run ({@link LearningRateSchedule#CONSTANT}: not at all)
 */
public record TrainConfig(int epochs, int batchSize, float learningRate, float weightDecay, float clipGradient,
                          int patience, int validationUsers, long seed, String device, float maskProbability,
                          long maxSeconds, int windowStep, LearningRateSchedule learningRateSchedule) {

    public static TrainConfig defaults() {
        return new TrainConfig(20, 128, 1e-3f, 0.0f, 5.0f, 5, 2000, 42L, "cpu");
    }

    /** Settings with the paper's mask probability 0.2. */
    public TrainConfig(int epochs, int batchSize, float learningRate, float weightDecay, float clipGradient,
                       int patience, int validationUsers, long seed, String device) {
        this(epochs, batchSize, learningRate, weightDecay, clipGradient, patience, validationUsers, seed, device, 0.2f, 0L,
                0, LearningRateSchedule.CONSTANT);
    }

    /** The same settings, starting no epoch after {@code seconds} of training. */
    public TrainConfig withMaxSeconds(long seconds) {
        return new TrainConfig(epochs, batchSize, learningRate, weightDecay, clipGradient, patience, validationUsers,
                seed, device, maskProbability, seconds, windowStep, learningRateSchedule);
    }

    /** The same settings, training on windows every {@code step} items of each history (0: the last window only). */
    public TrainConfig withWindowStep(int step) {
        return new TrainConfig(epochs, batchSize, learningRate, weightDecay, clipGradient, patience, validationUsers,
                seed, device, maskProbability, maxSeconds, step, learningRateSchedule);
    }

    /** The same settings with the learning rate following {@code schedule}. */
    public TrainConfig withLearningRateSchedule(LearningRateSchedule schedule) {
        return new TrainConfig(epochs, batchSize, learningRate, weightDecay, clipGradient, patience, validationUsers,
                seed, device, maskProbability, maxSeconds, windowStep, schedule);
    }

    public TrainConfig {
        if (epochs < 1 || batchSize < 1 || learningRate <= 0 || patience < 1) {
            throw new IllegalArgumentException("epochs, batchSize, patience and learningRate must be positive");
        }
        if (maxSeconds < 0) {
            throw new IllegalArgumentException("maxSeconds must not be negative");
        }
        if (windowStep < 0) {
            throw new IllegalArgumentException("windowStep must not be negative");
        }
        if (learningRateSchedule == null) {
            throw new IllegalArgumentException("learningRateSchedule must be given");
        }
        if (learningRateSchedule.warmupEpochs() >= epochs) {
            throw new IllegalArgumentException("the learning-rate warm-up must be shorter than the run's epochs");
        }
        if (maskProbability <= 0 || maskProbability >= 1) {
            throw new IllegalArgumentException("maskProbability must be in (0, 1)");
        }
    }
}
