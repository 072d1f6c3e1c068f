package dev.rankforge.eval;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A submitted experiment plan; its steps ({@link ExperimentStep}) are jobs in the services, run as a DAG. */
@Entity
@Table(name = "experiment")
public class Experiment extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    /** The plan as submitted (with its matrix), after validation. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public JsonNode plan;
    @Enumerated(EnumType.STRING)
    public JobStatus status;
    public String error;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    /** The submitter's team: it owns the experiment's steps, their jobs and models, and its results. */
    public String team;
}
