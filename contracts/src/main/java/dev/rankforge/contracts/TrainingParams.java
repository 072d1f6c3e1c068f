package dev.rankforge.contracts;

/**
 * Hyperparameters of a supervised training job. Absent values take the architecture's defaults.
 *
 * @param maxLength longest history fed to the model; older items are cut
 * @param objective training objective where the architecture fits more than one: {@code next-item-ce} (full-softmax
 *                  cross-entropy at every position, fast to converge) or {@code sampled-bce} (one sampled negative,
 *                  the SASRec paper's) for GRU4Rec and SASRec; {@code last-position-ce} (the paper's) or
 *                  {@code prefixes-ce} (many prefixes per pass) for NARM; absent: the architecture's own
 */
public record TrainingParams(
        Integer epochs,
        Integer embeddingSize,
        Integer hiddenSize,
        Integer batchSize,
        Double learningRate,
        Integer maxLength,
        Long seed,
        String objective) {

    /** Parameters that leave every value to the defaults. */
    public static TrainingParams defaults() {
        return new TrainingParams(null, null, null, null, null, null, null, null);
    }
}
