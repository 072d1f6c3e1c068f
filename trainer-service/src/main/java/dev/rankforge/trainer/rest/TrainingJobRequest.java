package dev.rankforge.trainer.rest;

import dev.rankforge.contracts.TrainingParams;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * Body of {@code POST /training-jobs}.
 *
 * @param jobId      optional client-chosen id; repeating a request with the same id returns the same job
 * @param datasetUri optional; resolved from the dataset catalogue when absent
 */
public record TrainingJobRequest(UUID jobId, @NotNull UUID datasetId, String datasetUri,
                                 @NotBlank String architecture, TrainingParams params) {
}
