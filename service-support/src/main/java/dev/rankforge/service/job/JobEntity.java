package dev.rankforge.service.job;

import dev.rankforge.contracts.JobStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/**
 * What every durable job row has: its id (the request's job id, which makes handling idempotent), its
 * lifecycle status, the failure reason, its owning team, when it was created, started and finished, and while it
 * runs the lease of the replica running it. Each service's job
 * entity extends this and adds its own inputs and results.
 */
@MappedSuperclass
public abstract class JobEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public JobStatus status;
    public String error;
    /** The team that owns the job and what it produces (see {@link dev.rankforge.service.team.TeamScope}). */
    public String team;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    /** The replica running the job while RUNNING ({@link JobLeases}); null otherwise. */
    @Column(name = "lease_owner")
    public String leaseOwner;
    /** When the running job's lease ends unless its owner renews it. */
    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;

    /** While RUNNING, the replica whose worker runs the job (its {@code RANKFORGE_JOBS_INSTANCE} name); else null. */
    public String runningOn() {
        return status == JobStatus.RUNNING ? leaseOwner : null;
    }
}
