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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One step of an experiment. Its id is the job id sent to the owning service, so that service's events
 * find the step again.
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
    @Enumerated(EnumType.STRING)
    public StepName name;
    @Enumerated(EnumType.STRING)
    public JobStatus status;
    /** Latest progress or result of the step's job, as JSON. */
    public String detail;
    public String error;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;

    public static List<ExperimentStep> ofExperiment(UUID experimentId) {
        return list("experimentId = ?1 order by position", experimentId);
    }

    public static Optional<ExperimentStep> of(UUID experimentId, StepName name) {
        return find("experimentId = ?1 and name = ?2", experimentId, name).firstResultOptional();
    }
}
