package dev.rankforge.eval.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rankforge.contracts.JobStatus;
import java.time.Instant;
import java.util.UUID;

/** An evaluation job with its metrics (keyed like {@code ndcg@10}) and the protocol that produced them. */
public record EvalJobView(UUID id, JobStatus status, UUID modelId, UUID datasetId, String protocol,
                          Integer usersEvaluated, JsonNode modelMetrics, JsonNode popularityMetrics, String error,
                          Instant createdAt, Instant startedAt, Instant finishedAt, String team) {
}
