package dev.rankforge.service.job;

import dev.rankforge.contracts.JobStatus;
import dev.rankforge.service.problem.JobIdTakenException;
import io.quarkus.hibernate.orm.panache.Panache;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A job submission's outcome: the job stored under the submitted id and whether this submission created it. A
 * job id is the idempotency key of every job-running service: submitting it again (a retried request, a
 * redelivered message) answers with the stored job; another team's job under that id is refused (409).
 *
 * @param <J> the service's job entity
 */
public record Accepted<J extends JobEntity>(J job, boolean isNew) {

    /**
     * The job already stored under {@code id} as a repeated submission, or {@code null} when there is none. Takes a
     * transaction lock on the id first, so that two submissions of one id at once (a retried request racing its
     * original, a redelivery) take turns: the second finds the first's job instead of colliding on its key.
     */
    public static <J extends JobEntity> Accepted<J> existing(Class<J> type, UUID id, String team) {
        Panache.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, type.getSimpleName() + ":" + id).getSingleResult();
        J stored = Panache.getEntityManager().find(type, id);
        if (stored == null) {
            return null;
        }
        if (!stored.team.equals(team)) {
            throw new JobIdTakenException();
        }
        return new Accepted<>(stored, false);
    }

    /**
     * In the caller's transaction: the stored job under {@code id}, or the job {@code create} builds, persisted as
     * QUEUED for {@code team} with {@code id} and its creation time.
     */
    public static <J extends JobEntity> Accepted<J> once(Class<J> type, UUID id, String team, Supplier<J> create) {
        return once(type, id, team, create, job -> { });
    }

    /** As {@link #once(Class, UUID, String, Supplier)}, then {@code announce} a created job in the same transaction. */
    public static <J extends JobEntity> Accepted<J> once(Class<J> type, UUID id, String team, Supplier<J> create,
                                                         Consumer<J> announce) {
        Accepted<J> existing = existing(type, id, team);
        return existing != null ? existing : created(id, team, create, announce);
    }

    /**
     * The job {@code create} builds, persisted as QUEUED for {@code team} under {@code id} and {@code announce}d, for
     * a caller that found no {@link #existing} job in this transaction (and checked more in between).
     */
    public static <J extends JobEntity> Accepted<J> created(UUID id, String team, Supplier<J> create,
                                                            Consumer<J> announce) {
        J job = create.get();
        job.id = id;
        job.team = team;
        job.status = JobStatus.QUEUED;
        job.createdAt = Instant.now();
        job.persist();
        announce.accept(job);
        return new Accepted<>(job, true);
    }

    /** Hands a job this submission created to {@code start} (after its transaction committed). */
    public Accepted<J> startIfNew(Consumer<UUID> start) {
        if (isNew) {
            start.accept(job.id);
        }
        return this;
    }
}
