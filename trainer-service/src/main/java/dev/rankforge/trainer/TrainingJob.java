package dev.rankforge.trainer;

import dev.rankforge.service.job.JobEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** A durable training job; its id is the request's job id, which makes request handling idempotent. */
@Entity
@Table(name = "training_job")
public class TrainingJob extends JobEntity {
    @Column(name = "dataset_id")
    public UUID datasetId;
    @Column(name = "dataset_uri")
    public String datasetUri;
    public String architecture;
    /** Resolved hyperparameters (defaults filled in), as JSON. */
    public String params;
    public int epoch;
    public int epochs;
    public Double loss;
    @Column(name = "validation_ndcg10")
    public Double validationNdcg10;
    @Column(name = "model_id")
    public UUID modelId;
}
