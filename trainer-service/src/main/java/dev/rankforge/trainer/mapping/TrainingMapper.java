package dev.rankforge.trainer.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rankforge.contracts.TrainingKind;
import dev.rankforge.trainer.service.ResolvedParams;
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
    private final ObjectMapper json;

    public TrainingMapper(ObjectMapper json) {
        this.json = json;
    }

    public TrainingJobView toView(TrainingJob job, List<TrainingEpoch> epochs) {
        JsonNode params = readTree(job.params);
        return new TrainingJobView(job.id, job.kind, job.status, job.datasetId, job.architecture, job.teacherModelId,
                params, job.epoch, job.epochs, job.loss, job.validationMetric, job.validationScore,
                job.queriesSpent, job.attempts, job.resumedFromEpoch, job.modelId,
                job.result == null ? null : readTree(job.result), job.error, job.createdAt, job.startedAt,
                job.finishedAt, job.team, job.status == JobStatus.RUNNING ? job.leaseOwner : null,
                epochs.stream().map(e -> new TrainingJobView.Epoch(e.key.epoch(), e.loss, e.validationScore,
                        e.examplesPerSecond)).toList());
    }

    public ModelView toView(RegisteredModel m, java.util.List<String> sharedWith) {
        return new ModelView(m.id, m.jobId, m.kind, m.datasetId, m.architecture, readTree(m.hyperparameters),
                readTree(m.lineage), m.artifactUri, m.sha256, m.validationMetric, m.validationScore, m.bestEpoch,
                readTree(m.metrics), m.createdAt, m.team, sharedWith);
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

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    private JsonNode readTree(String value) {
        return read(value, JsonNode.class);
    }
}
