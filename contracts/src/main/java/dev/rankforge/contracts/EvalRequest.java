package dev.rankforge.contracts;

import java.util.UUID;

/**
 * Asks eval-service to evaluate a trained model on its dataset's test split; consumed from
 * {@link Topics#EVAL_REQUESTS}, idempotent on {@code jobId}; the job belongs to {@code team} (absent: the default team).
 */
public record EvalRequest(
        int schemaVersion,
        UUID jobId,
        UUID modelId,
        String modelUri,
        UUID datasetId,
        String datasetUri,
        String team) implements KeyedMessage {
    @Override
    public String messageKey() {
        return String.valueOf(jobId);
    }
}
