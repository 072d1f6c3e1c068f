package dev.rankforge.trainer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import dev.rankforge.contracts.TrainingKind;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.time.Instant;
import java.util.UUID;

/** The model registry's entry: a model's artifact, lineage (job, dataset, teacher or victim) and metrics. */
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
    /** Model spec and training settings. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public ModelHyperparameters hyperparameters;
    @Column(name = "artifact_uri")
    public String artifactUri;
    /** The two-tower model's item index (approximate nearest neighbours), served with it; null otherwise. */
    @Column(name = "index_uri")
    public String indexUri;
    public String sha256;
    @Enumerated(EnumType.STRING)
    public TrainingKind kind;
    @Column(name = "validation_metric")
    public String validationMetric;
    @Column(name = "validation_score")
    public double validationScore;
    /** Where the model came from beyond its job and dataset: teacher or victim, query set, queries spent. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> lineage;
    /** Test-time figures, e.g. an extracted model's agreement with its victim. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> metrics;
    @Column(name = "best_epoch")
    public int bestEpoch;
    @Column(name = "created_at")
    public Instant createdAt;
    /**
     * The owning team (its job's): only it, and teams it shares the model with ({@link ModelShare}), see the model or
     * use it as a teacher, victim or starting point.
     */
    public String team;

    /**
     * The model, if {@code team} owns it or it is shared with {@code team}: another team's model is, to a job, no model
     * at all.
     */
    public static RegisteredModel ofTeam(UUID id, String team) {
        RegisteredModel m = id == null ? null : findById(id);
        return m != null && m.usableBy(team) ? m : null;
    }

    /** Every model {@code team} may see and use, newest first: its own and those shared with it. */
    public static java.util.List<RegisteredModel> listFor(String team, boolean everyTeams) {
        return everyTeams ? list("order by createdAt desc")
                : list("team = ?1 or id in (select s.key.modelId from ModelShare s where s.key.team = ?1) "
                        + "order by createdAt desc", team);
    }

    /** Whether {@code team} owns this model or has it shared. */
    public boolean usableBy(String team) {
        return this.team.equals(team) || ModelShare.isShared(id, team);
    }
}
