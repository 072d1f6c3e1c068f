package dev.rankforge.trainer.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rankforge.contracts.TrainingKind;
import java.time.Instant;
import java.util.UUID;

/**
 * A registered model: lineage (job, dataset, and for DISTILL / EXTRACT the teacher or victim, query set and
 * queries spent), hyperparameters, artifact and metrics, the team that owns it and the teams it is shared with.
 */
public record ModelView(UUID id, UUID jobId, TrainingKind kind, UUID datasetId, String architecture,
                        JsonNode hyperparameters, JsonNode lineage, String artifactUri, String sha256,
                        String validationMetric, double validationScore, int bestEpoch, JsonNode metrics,
                        Instant createdAt, String team, java.util.List<String> sharedWith) {
}
