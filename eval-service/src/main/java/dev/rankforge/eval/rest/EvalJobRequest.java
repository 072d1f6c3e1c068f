package dev.rankforge.eval.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Body of {@code POST /eval-jobs}: evaluate a stored model on a stored dataset's test split. */
public record EvalJobRequest(UUID jobId, @NotNull UUID modelId, @NotBlank String modelUri, @NotNull UUID datasetId,
                             @NotBlank String datasetUri) {
}
