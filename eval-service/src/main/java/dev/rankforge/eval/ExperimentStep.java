package dev.rankforge.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rankforge.contracts.JobStatus;
import dev.rankforge.eval.step.StepProgress;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One step instance of an experiment. Its id is the job id sent to the owning service (fixed at creation, so a
 * restart resends the same job and the service's events find the step again).
 */
@Entity
@Table(name = "experiment_step")
public class ExperimentStep extends PanacheEntityBase {
    @Id
    @Column(name = "job_id")
    public UUID jobId;
    @Column(name = "experiment_id")
    public UUID experimentId;
    public int position;
    /** Unique in the experiment, e.g. {@code surrogate[budget=500]}. */
    public String name;
    /** The plan step it comes from. */
    public String step;
    public String kind;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public JsonNode spec;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, JsonNode> bindings;
    /** Plan step name → the instance of it this step reads. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, String> inputs;
    @Enumerated(EnumType.STRING)
    public JobStatus status;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public StepProgress progress;
    /** The handler's typed output ({@code DatasetOutput}, {@code ModelOutput}, …) once the step succeeded. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public JsonNode output;
    public String error;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    /**
     * The replica doing the step's work or sending its request ({@code StepLeases}); null once the step waits on a
     * job in another service, and once it ended.
     */
    @Column(name = "lease_owner")
    public String leaseOwner;
    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;

    public static List<ExperimentStep> ofExperiment(UUID experimentId) {
        return list("experimentId = ?1 order by position", experimentId);
    }
}
