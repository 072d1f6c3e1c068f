package dev.rankforge.trainer.mapping;

import dev.rankforge.contracts.TrainingKind;
import dev.rankforge.contracts.JobStatus;
import dev.rankforge.contracts.SchemaVersion;
import dev.rankforge.contracts.TrainingEvent;
import dev.rankforge.trainer.RegisteredModel;
import dev.rankforge.trainer.TrainingEpoch;
import dev.rankforge.trainer.TrainingJob;
import dev.rankforge.trainer.rest.ModelView;
import dev.rankforge.trainer.rest.TrainingJobView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Maps trainer entities to API views and events; entities never leave the service. */
@ApplicationScoped
public class TrainingMapper {
    public TrainingJobView toView(TrainingJob job, List<TrainingEpoch> epochs) {
        return new TrainingJobView(job.id, job.kind, job.status, job.datasetId, job.architecture, job.teacherModelId,
                job.params, job.epoch, job.epochs, job.loss, job.validationMetric, job.validationScore,
                job.queriesSpent, job.attempts, job.resumedFromEpoch, job.modelId,
                job.result, job.error, job.createdAt, job.startedAt,
                job.finishedAt, job.team, job.runningOn(),
                epochs.stream().map(e -> new TrainingJobView.Epoch(e.key.epoch(), e.loss, e.validationScore,
                        e.examplesPerSecond)).toList());
    }

    public ModelView toView(RegisteredModel m, java.util.List<String> sharedWith) {
        return new ModelView(m.id, m.jobId, m.kind, m.datasetId, m.architecture, m.hyperparameters,
                m.lineage, m.artifactUri, m.indexUri, m.sha256, m.validationMetric, m.validationScore, m.bestEpoch,
                m.metrics, m.createdAt, m.team, sharedWith);
    }

    /** An event carrying the job's current state (progress figures included while running). */
    public TrainingEvent toEvent(TrainingJob job, Double examplesPerSecond, RegisteredModel model) {
        return toEvent(job, examplesPerSecond, null, model);
    }

    /** @param epochFraction share of the running epoch done, for progress sent within an epoch */
    public TrainingEvent toEvent(TrainingJob job, Double examplesPerSecond, Double epochFraction, RegisteredModel model) {
        return new TrainingEvent(SchemaVersion.CURRENT, job.id, job.kind, job.datasetId, job.status,
                job.epoch, job.epochs, job.loss, job.validationMetric, job.validationScore, examplesPerSecond,
                job.kind == TrainingKind.EXTRACT ? job.queriesSpent : null, epochFraction,
                model == null ? null : model.id, model == null ? null : model.artifactUri,
                model == null ? null : model.sha256, job.status == JobStatus.FAILED ? job.error : null, Instant.now());
    }
}
