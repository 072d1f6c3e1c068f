package dev.rankforge.trainer.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A registered model with its lineage (training job, dataset) and artifact. */
public record ModelView(UUID id, UUID jobId, UUID datasetId, String architecture, JsonNode hyperparameters,
                        String artifactUri, String sha256, double validationNdcg10, int bestEpoch,
                        Instant createdAt) {
}
