package dev.rankforge.contracts;

/**
 * Hyperparameters of a supervised training job. Absent values take the architecture's defaults.
 *
 * @param maxLength longest history fed to the model; older items are cut
 */
public record TrainingParams(
        Integer epochs,
        Integer embeddingSize,
        Integer hiddenSize,
        Integer batchSize,
        Double learningRate,
        Integer maxLength,
        Long seed) {

    /** Parameters that leave every value to the defaults. */
    public static TrainingParams defaults() {
        return new TrainingParams(null, null, null, null, null, null, null);
    }
}
