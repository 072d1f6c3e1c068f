package dev.rankforge.trainer.rest;

import dev.rankforge.contracts.TrainingKind;
import dev.rankforge.trainer.ModelHyperparameters;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A registered model: lineage (job, dataset, and for DISTILL / EXTRACT the teacher or victim, query set and
 * queries spent), hyperparameters, artifact (and a two-tower model's item index) and metrics, the team that owns
 * it and the teams it is shared with.
 */
public record ModelView(UUID id, UUID jobId, TrainingKind kind, UUID datasetId, String architecture,
                        ModelHyperparameters hyperparameters, Map<String, Object> lineage, String artifactUri,
                        String indexUri, String sha256, String validationMetric, double validationScore, int bestEpoch,
                        Map<String, Object> metrics, Instant createdAt, String team, List<String> sharedWith) {
}
