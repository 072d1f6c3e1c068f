package dev.rankforge.trainer.rest;

import dev.rankforge.contracts.DistillationParams;
import dev.rankforge.contracts.ExtractionParams;
import dev.rankforge.contracts.TrainingKind;
import dev.rankforge.contracts.TrainingParams;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * Body of {@code POST /training-jobs}.
 *
 * @param jobId          optional client-chosen id; repeating a request with the same id returns the same job
 * @param kind           TRAIN (default), DISTILL or EXTRACT
 * @param datasetUri     optional; resolved from the dataset catalogue when absent
 * @param architecture   the model to train, or the student / surrogate architecture
 * @param teacherModelId DISTILL: the registered teacher
 * @param distillation   DISTILL and EXTRACT: loss, negatives, list length
 * @param extraction     EXTRACT: generator, budget, black-box target
 */
public record TrainingJobRequest(UUID jobId, TrainingKind kind, @NotNull UUID datasetId, String datasetUri,
                                 @NotBlank String architecture, TrainingParams params, UUID teacherModelId,
                                 DistillationParams distillation, ExtractionParams extraction,
                                 UUID initialModelId) {
}
