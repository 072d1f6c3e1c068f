package dev.rankforge.eval;

import dev.rankforge.contracts.JobStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A declarative experiment: dataset, train, evaluate, attack. Its steps are jobs in other services,
 * driven by their events.
 */
@Entity
@Table(name = "experiment")
public class Experiment extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    /** The submitted plan with defaults filled in, as JSON. */
    public String plan;
    @Enumerated(EnumType.STRING)
    public JobStatus status;
    @Column(name = "dataset_id")
    public UUID datasetId;
    @Column(name = "dataset_uri")
    public String datasetUri;
    @Column(name = "model_id")
    public UUID modelId;
    @Column(name = "model_uri")
    public String modelUri;
    public String error;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
}
