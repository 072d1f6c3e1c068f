package dev.rankforge.trainer;

import dev.rankforge.contracts.JobStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A durable training job; its id is the request's job id, which makes request handling idempotent. */
@Entity
@Table(name = "training_job")
public class TrainingJob extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "dataset_id")
    public UUID datasetId;
    @Column(name = "dataset_uri")
    public String datasetUri;
    public String architecture;
    /** Resolved hyperparameters (defaults filled in), as JSON. */
    public String params;
    @Enumerated(EnumType.STRING)
    public JobStatus status;
    public int epoch;
    public int epochs;
    public Double loss;
    @Column(name = "validation_ndcg10")
    public Double validationNdcg10;
    @Column(name = "model_id")
    public UUID modelId;
    public String error;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;

    public static List<TrainingJob> inStatus(JobStatus status) {
        return list("status", status);
    }
}
