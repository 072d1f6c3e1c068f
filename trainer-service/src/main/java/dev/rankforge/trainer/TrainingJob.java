package dev.rankforge.trainer;

import dev.rankforge.service.job.JobEntity;
import jakarta.persistence.Column;
import dev.rankforge.contracts.TrainingKind;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import dev.rankforge.trainer.service.ResolvedParams;
import java.util.UUID;

/** A durable TRAIN, DISTILL or EXTRACT job; its id is the request's job id, which makes request handling idempotent. */
@Entity
@Table(name = "training_job")
public class TrainingJob extends JobEntity {
    @Column(name = "dataset_id")
    public UUID datasetId;
    @Column(name = "dataset_uri")
    public String datasetUri;
    public String architecture;
    /** A cancel was asked while the job ran; the replica running it stops after its current batch. */
    @Column(name = "cancel_requested")
    public boolean cancelRequested;
    /** Resolved hyperparameters (defaults filled in). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public ResolvedParams params;
    public int epoch;
    public int epochs;
    public Double loss;
    @Column(name = "validation_metric")
    public String validationMetric;
    @Column(name = "validation_score")
    public Double validationScore;
    @Column(name = "model_id")
    public UUID modelId;
    @Enumerated(EnumType.STRING)
    public TrainingKind kind;
    @Column(name = "teacher_model_id")
    public UUID teacherModelId;
    /** TRAIN: the registered model whose weights the job starts from (fine-tuning); {@code null}: from scratch. */
    @Column(name = "initial_model_id")
    public UUID initialModelId;
    /** EXTRACT: black-box queries answered so far, over all attempts. */
    @Column(name = "queries_spent")
    public long queriesSpent;
    /** EXTRACT: the stored query set, once generation finished (a resumed job does not query again). */
    @Column(name = "query_set_uri")
    public String querySetUri;
    /** The job's latest end-of-epoch checkpoint in the artifact store, while it has one ({@code JobCheckpoints}). */
    @Column(name = "checkpoint_uri")
    public String checkpointUri;
    /** Times a worker started this job (more than one after a restart resumed it). */
    public int attempts;
    /** The checkpoint epoch the latest attempt resumed from; null when it started fresh. */
    @Column(name = "resumed_from_epoch")
    public Integer resumedFromEpoch;
    /** Outcome figures beyond the model (e.g. EXTRACT fidelity on test users). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> result;
}
