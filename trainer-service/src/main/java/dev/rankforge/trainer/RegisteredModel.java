package dev.rankforge.trainer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The model registry's entry: a trained model's artifact, lineage and headline metric. */
@Entity
@Table(name = "model")
public class RegisteredModel extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "job_id")
    public UUID jobId;
    @Column(name = "dataset_id")
    public UUID datasetId;
    public String architecture;
    /** Model spec and training settings, as JSON. */
    public String hyperparameters;
    @Column(name = "artifact_uri")
    public String artifactUri;
    public String sha256;
    @Column(name = "validation_ndcg10")
    public double validationNdcg10;
    @Column(name = "best_epoch")
    public int bestEpoch;
    @Column(name = "created_at")
    public Instant createdAt;
}
