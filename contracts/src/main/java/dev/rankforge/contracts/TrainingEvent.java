package dev.rankforge.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Progress and outcome of a training job, published on {@link Topics#TRAINING_EVENTS}.
 * Progress events carry the epoch figures; a {@code SUCCEEDED} event carries the model id and artifact.
 */
public record TrainingEvent(
        int schemaVersion,
        UUID jobId,
        JobStatus status,
        Integer epoch,
        Integer epochs,
        Double loss,
        Double validationNdcg10,
        Double sequencesPerSecond,
        UUID modelId,
        String modelUri,
        String modelSha256,
        String error,
        Instant at) {
}
