package dev.rankforge.contracts;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Hyperparameters of a supervised training job. Absent values take the architecture's defaults.
 *
 * @param maxLength longest history fed to the model; older items are cut
 * @param objective training objective where the architecture fits more than one: {@code next-item-ce} (full-softmax
 *                  cross-entropy at every position, fast to converge) or {@code sampled-bce} (one sampled negative,
 *                  the SASRec paper's) for GRU4Rec and SASRec; {@code last-position-ce} (the paper's) or
 *                  {@code prefixes-ce} (many prefixes per pass) for NARM; {@code in-batch-softmax} (in-batch
 *                  negatives with the log-Q correction, its own), {@code in-batch-softmax-uncorrected} or
 *                  {@code next-item-ce} for the two-tower model; {@code cloze} (the paper's) or {@code cloze-last}
 *                  (the last item masked too) for BERT4Rec; absent: the architecture's own
 * @param userTower   the two-tower model's history encoder: {@code mean} (its default), {@code gru} or
 *                    {@code self-attention}; only for {@code two-tower}
 * @param temperature the two-tower model's softmax temperature over cosine scores (default 0.05); only for
 *                    {@code two-tower}
 * @param windowStep  0 (default): each user trains on the last {@code maxLength + 1} items of its history (NARM's
 *                    {@code last-position-ce} and Caser draw their prefix from all of it); 1 to {@code maxLength}: on
 *                    windows of that size every {@code windowStep} items back from the end, so that histories longer
 *                    than {@code maxLength} train on all their items (the extraction paper's code slides by half its
 *                    length); TRAIN jobs only
 * @param learningRateSchedule {@code constant} (default, the papers') or {@code cosine}: the rate falls along half a
 *                    cosine to zero at the last epoch
 * @param warmupEpochs epochs of linear learning-rate warm-up before the schedule (default 0)
 */
public record TrainingParams(
        @Min(1) @Max(1000) Integer epochs,
        @Min(1) @Max(1024) Integer embeddingSize,
        @Min(1) @Max(1024) Integer hiddenSize,
        @Min(1) @Max(4096) Integer batchSize,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double learningRate,
        @Min(2) @Max(1000) Integer maxLength,
        Long seed,
        String objective,
        @Pattern(regexp = "mean|gru|self-attention", message = "must be mean, gru or self-attention") String userTower,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("10") Double temperature,
        @Min(0) @Max(1000) Integer windowStep,
        @Pattern(regexp = "constant|cosine", message = "must be constant or cosine") String learningRateSchedule,
        @Min(0) @Max(1000) Integer warmupEpochs) {

    /** Parameters that leave every value to the defaults. */
    public static TrainingParams defaults() {
        return new TrainingParams(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
