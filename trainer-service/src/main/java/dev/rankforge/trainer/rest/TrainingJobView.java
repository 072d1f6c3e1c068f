package dev.rankforge.trainer.rest;

import dev.rankforge.contracts.JobStatus;
import dev.rankforge.contracts.TrainingKind;
import java.time.Instant;
import dev.rankforge.trainer.service.ResolvedParams;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A job as the API shows it, with its per-epoch history. The validation metric is full-ranking NDCG@10 for
 * TRAIN and Agreement@10 with the teacher or victim (held-out queries) for DISTILL and EXTRACT. A target in the
 * params names its credential; no secret is ever stored.
 *
 * @param queriesSpent     EXTRACT: black-box queries answered, over all attempts
 * @param attempts         times a worker started the job (more than one when it resumed after a restart)
 * @param resumedFromEpoch the checkpoint epoch the latest attempt continued from
 * @param result           figures beyond the model, e.g. fidelity on test users
 * @param team             the owning team (also of the model the job registers)
 * @param runningOn        while RUNNING, the replica whose worker runs it (its {@code RANKFORGE_JOBS_INSTANCE} name)
 */
public record TrainingJobView(UUID id, TrainingKind kind, JobStatus status, UUID datasetId, String architecture,
                              UUID teacherModelId, ResolvedParams params, int epoch, int epochs, Double loss,
                              String validationMetric, Double validationScore, long queriesSpent, int attempts,
                              Integer resumedFromEpoch, UUID modelId, Map<String, Object> result, String error,
                              Instant createdAt, Instant startedAt, Instant finishedAt, String team,
                              String runningOn, List<Epoch> history) {

    /** One finished epoch. */
    public record Epoch(int epoch, double loss, double validationScore, double examplesPerSecond) {
    }
}
