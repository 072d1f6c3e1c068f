package dev.rankforge.trainer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A dataset version announced on {@code dataset-events}; lets requests name a dataset by id alone. */
@Entity
@Table(name = "known_dataset")
public class KnownDataset extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    @Column(name = "artifact_uri")
    public String artifactUri;
    public String sha256;
    public int users;
    public int items;
    @Column(name = "received_at")
    public Instant receivedAt;
    /** The owning team: only its jobs may train on the version. */
    public String team;
}
