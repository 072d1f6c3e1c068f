package dev.rankforge.attack;

import dev.rankforge.contracts.AttackEvent;
import dev.rankforge.contracts.AttackParams;
import dev.rankforge.service.blackbox.BlackBoxEndpoint;
import dev.rankforge.service.job.JobEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A durable attack job: the victim's black box, the surrogate, the users' dataset, the targets and the resolved
 * parameters, and each target's results as they are measured. The id is the request's job id.
 */
@Entity
@Table(name = "attack_job")
public class AttackJob extends JobEntity {
    public String method;
    public String chooser;
    /** What the chooser needs beyond black-box access ({@link dev.rankforge.core.attack.Knowledge}). */
    public String knowledge;
    /** The resolved victim endpoint; it names its credential, never holds the secret. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public BlackBoxEndpoint victim;
    /** Asked to stop: the replica running it ends it CANCELLED at its next target or stage. */
    @Column(name = "cancel_requested")
    public boolean cancelRequested;
    @Column(name = "surrogate_model_id")
    public UUID surrogateModelId;
    @Column(name = "dataset_id")
    public UUID datasetId;
    @Column(name = "dataset_uri")
    public String datasetUri;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<Integer> targets;
    /** Every parameter with its default filled in. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public AttackParams params;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<AttackEvent.TargetResult> results = new ArrayList<>();
    public long queries;
    /** {@code PROFILES}, {@code RETRAINING} or {@code MEASURING} (poisoning); {@code MEASURING} for pollution. */
    public String stage;
    /** Poisoning: what the job made so far, recorded as soon as it exists so a restart resumes from it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public AttackEvent.Poisoning poisoning;
}
