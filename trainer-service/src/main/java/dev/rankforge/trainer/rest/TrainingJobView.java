package dev.rankforge.trainer.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rankforge.contracts.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A training job as the API shows it, with its per-epoch history (validation is full-ranking NDCG@10). */
public record TrainingJobView(UUID id, JobStatus status, UUID datasetId, String architecture, JsonNode params,
                              int epoch, int epochs, Double loss, Double validationNdcg10, UUID modelId,
                              String error, Instant createdAt, Instant startedAt, Instant finishedAt,
                              List<Epoch> history) {

    /** One finished epoch. */
    public record Epoch(int epoch, double loss, double validationNdcg10, double sequencesPerSecond) {
    }
}
