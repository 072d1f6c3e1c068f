package dev.rankforge.contracts;

import jakarta.validation.Valid;
import java.util.UUID;

/**
 * Asks trainer-service to train, distil or extract a model; consumed from {@link Topics#TRAINING_REQUESTS}.
 * Handling is idempotent on {@code jobId}: a redelivered request never creates a second job.
 *
 * @param kind           TRAIN when absent
 * @param datasetId      TRAIN: the training data; DISTILL: the sequences the teacher ranks; EXTRACT: the item
 *                       catalogue and the test users fidelity is measured on
 * @param architecture   model (or student) name known to ranking-core's model registry, e.g. {@code gru4rec}
 * @param teacherModelId DISTILL: the registered teacher model
 * @param distillation   DISTILL and EXTRACT: loss and list settings
 * @param extraction     EXTRACT: generator, budget and black-box target
 * @param initialModelId TRAIN: fine-tune, starting from this registered model's weights (same architecture and
 *                       sizes) instead of a fresh initialisation; absent: from scratch
 * @param team           the team the job and its model belong to; every model and dataset it names must be that
 *                       team's (absent: the default team)
 */
public record TrainingRequest(
        int schemaVersion,
        UUID jobId,
        TrainingKind kind,
        UUID datasetId,
        String datasetUri,
        String architecture,
        @Valid TrainingParams params,
        UUID teacherModelId,
        @Valid DistillationParams distillation,
        @Valid ExtractionParams extraction,
        UUID initialModelId,
        String team) implements KeyedMessage {
    @Override
    public String messageKey() {
        return String.valueOf(jobId);
    }

    /** A supervised TRAIN request from scratch. */
    public static TrainingRequest train(UUID jobId, UUID datasetId, String datasetUri, String architecture,
                                        TrainingParams params, String team) {
        return fineTune(jobId, datasetId, datasetUri, architecture, params, null, team);
    }

    /** A supervised TRAIN request starting from a registered model's weights ({@code null}: from scratch). */
    public static TrainingRequest fineTune(UUID jobId, UUID datasetId, String datasetUri, String architecture,
                                           TrainingParams params, UUID initialModelId, String team) {
        return new TrainingRequest(SchemaVersion.CURRENT, jobId, TrainingKind.TRAIN, datasetId, datasetUri,
                architecture, params, null, null, null, initialModelId, team);
    }
}
