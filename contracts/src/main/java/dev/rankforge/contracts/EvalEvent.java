package dev.rankforge.contracts;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Outcome of an evaluation job on {@link Topics#EVAL_EVENTS}. Metrics are keyed like {@code ndcg@10};
 * {@code protocol} names how candidates were ranked (always reported with the numbers).
 */
public record EvalEvent(
        int schemaVersion,
        UUID jobId,
        UUID modelId,
        JobStatus status,
        String protocol,
        Integer usersEvaluated,
        Map<String, Double> modelMetrics,
        Map<String, Double> popularityMetrics,
        String error,
        Instant at) implements KeyedMessage {
    @Override
    public String messageKey() {
        return String.valueOf(jobId);
    }
}
