package dev.rankforge.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Progress and outcome of a training job, published on {@link Topics#TRAINING_EVENTS}.
 * Progress events carry the epoch figures; a {@code SUCCEEDED} event carries the model id and artifact.
 *
 * @param datasetId         the dataset version the job reads (data-service keeps it from deletion)
 * @param validationMetric  what {@code validationScore} measures: {@code ndcg@10} (TRAIN, full ranking) or
 *                          {@code agreement@10} with the teacher (DISTILL, EXTRACT)
 * @param examplesPerSecond training throughput of the last epoch (sequences or distillation examples)
 * @param queriesSpent      EXTRACT: black-box queries answered so far
 * @param epochFraction     share of the running epoch (epoch + 1) trained so far, on progress events sent within a
 *                          long epoch; {@code null} on epoch and final events
 */
public record TrainingEvent(
        int schemaVersion,
        UUID jobId,
        TrainingKind kind,
        UUID datasetId,
        JobStatus status,
        Integer epoch,
        Integer epochs,
        Double loss,
        String validationMetric,
        Double validationScore,
        Double examplesPerSecond,
        Long queriesSpent,
        Double epochFraction,
        UUID modelId,
        String modelUri,
        String modelSha256,
        String error,
        Instant at) implements KeyedMessage {
    @Override
    public String messageKey() {
        return String.valueOf(jobId);
    }
}
