package dev.rankforge.contracts;

import java.util.UUID;

/**
 * Asks trainer-service to train a model; consumed from {@link Topics#TRAINING_REQUESTS}.
 * Handling is idempotent on {@code jobId}: a redelivered request never creates a second job.
 *
 * @param architecture model name known to ranking-core's model registry, e.g. {@code gru4rec}
 */
public record TrainingRequest(
        int schemaVersion,
        UUID jobId,
        UUID datasetId,
        String datasetUri,
        String architecture,
        TrainingParams params) {
}
