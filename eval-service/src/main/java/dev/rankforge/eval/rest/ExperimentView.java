package dev.rankforge.eval.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rankforge.contracts.JobStatus;
import dev.rankforge.eval.StepName;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An experiment with every step's status and the results so far. {@code results} gathers the evaluation
 * (with its protocol) and the attack outcome once they exist.
 */
public record ExperimentView(UUID id, String name, JobStatus status, UUID datasetId, UUID modelId, String error,
                             Instant createdAt, Instant finishedAt, List<Step> steps, Results results) {

    /** One step; {@code jobId} is the job in the owning service. */
    public record Step(StepName name, JobStatus status, UUID jobId, Instant startedAt, Instant finishedAt,
                       JsonNode detail, String error) {
    }

    /** Headline results: evaluation metrics of model and popularity baseline, and the attack's effect. */
    public record Results(JsonNode evaluation, JsonNode attack) {
    }
}
