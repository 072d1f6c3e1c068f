package dev.rankforge.eval.rest;

import dev.rankforge.contracts.JobStatus;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An evaluation job with its metrics (keyed like {@code ndcg@10}) and the protocol that produced them; while it
 * runs, the replica running it ({@code runningOn}).
 */
public record EvalJobView(UUID id, JobStatus status, UUID modelId, UUID datasetId, String protocol,
                          Integer usersEvaluated, Map<String, Double> modelMetrics,
                          Map<String, Double> popularityMetrics, String error, Instant createdAt,
                          Instant startedAt, Instant finishedAt, String team, String runningOn) {
}
