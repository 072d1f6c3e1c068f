package dev.rankforge.service.job;

import dev.rankforge.contracts.JobStatus;
import io.quarkus.hibernate.orm.panache.Panache;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The job lifecycle QUEUED → RUNNING → SUCCEEDED | FAILED | CANCELLED, each transition committed in its own
 * transaction so that a crash never leaves a half-recorded step.
 */
public final class JobTransitions {
    private JobTransitions() {
    }

    /**
     * Moves a queued job to RUNNING, leased to {@code leases}' replica; returns it, or {@code null} when it is gone
     * or no longer queued (another replica claimed it first: the row is locked while it is read).
     */
    public static <J extends JobEntity> J claim(Class<J> type, UUID id, JobLeases leases) {
        return claim(type, id, leases, job -> { });
    }

    /** As {@link #claim(Class, UUID, JobLeases)}, then {@code announce} the running job in the same transaction. */
    public static <J extends JobEntity> J claim(Class<J> type, UUID id, JobLeases leases, Consumer<J> announce) {
        J claimed = RetryingTransaction.call(() -> {
            J job = Panache.getEntityManager().find(type, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (job == null || job.status != JobStatus.QUEUED) {
                return null;
            }
            job.status = JobStatus.RUNNING;
            job.startedAt = Instant.now();
            job.leaseOwner = leases.instance();
            job.leaseExpiresAt = leases.expiry();
            announce.accept(job);
            return job;
        });
        if (claimed != null) {
            leases.held(type, id);
        }
        return claimed;
    }

    /** Ends a job with {@code status} (and {@code error} when it failed), after applying its results. */
    public static <J extends JobEntity> J finish(Class<J> type, UUID id, JobStatus status, String error,
                                                 Consumer<J> results) {
        return finish(type, id, status, error, results, job -> { });
    }

    /**
     * As {@link #finish(Class, UUID, JobStatus, String, Consumer)}, then {@code announce} the ended job in the same
     * transaction (an outbox message, committed with the status or not at all).
     */
    public static <J extends JobEntity> J finish(Class<J> type, UUID id, JobStatus status, String error,
                                                 Consumer<J> results, Consumer<J> announce) {
        return finish(type, id, null, status, error, results, announce);
    }

    /**
     * As {@link #finish(Class, UUID, JobStatus, String, Consumer, Consumer)} for a job this replica runs: unless the
     * job is still RUNNING under this replica's lease — it was taken over after its lease expired, or released by a
     * shutdown — nothing is changed and {@code null} returned, since the job is another attempt's now.
     */
    public static <J extends JobEntity> J finish(Class<J> type, UUID id, JobLeases leases, JobStatus status,
                                                 String error, Consumer<J> results, Consumer<J> announce) {
        return RetryingTransaction.call(() -> {
            J job = Panache.getEntityManager().find(type, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (leases != null && (job.status != JobStatus.RUNNING || !leases.instance().equals(job.leaseOwner))) {
                org.jboss.logging.Logger.getLogger(JobTransitions.class).warnf(
                        "%s %s is %s under %s now; this replica's %s result is dropped", type.getSimpleName(), id,
                        job.status, job.leaseOwner, status);
                return null;
            }
            results.accept(job);
            job.status = status;
            job.error = error;
            job.finishedAt = Instant.now();
            job.leaseOwner = null;
            job.leaseExpiresAt = null;
            announce.accept(job);
            return job;
        });
    }

    /**
     * At a replica's start: puts back in the queue the RUNNING jobs it may take — its own (a restart under the same
     * instance name), those whose lease expired, and those without a lease (from before leases) — and returns them.
     */
    static <J extends JobEntity> List<J> requeueRecoverable(Class<J> type, String instance, Instant now) {
        return requeue(type, "status = :status and (leaseOwner is null or leaseOwner = :me or leaseExpiresAt < :now)",
                instance, now);
    }

    /** Puts back in the queue the RUNNING jobs of other replicas whose lease expired, and returns them. */
    static <J extends JobEntity> List<J> requeueExpired(Class<J> type, String instance, Instant now) {
        return requeue(type, "status = :status and leaseOwner <> :me and leaseExpiresAt < :now", instance, now);
    }

    private static <J extends JobEntity> List<J> requeue(Class<J> type, String where, String instance, Instant now) {
        return RetryingTransaction.call(() -> {
            List<J> running = Panache.getEntityManager()
                    .createQuery("from " + type.getSimpleName() + " where " + where, type)
                    .setParameter("status", JobStatus.RUNNING).setParameter("me", instance).setParameter("now", now)
                    .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                    .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED: another replica is on it
                    .getResultList();
            for (J job : running) {
                if (job.leaseOwner != null && !job.leaseOwner.equals(instance)) {
                    org.jboss.logging.Logger.getLogger(JobTransitions.class).warnf(
                            "%s %s: the lease of %s expired; the job goes back to the queue", type.getSimpleName(),
                            job.id, job.leaseOwner);
                }
                job.status = JobStatus.QUEUED;
                job.leaseOwner = null;
            }
            return running;
        });
    }

    /**
     * Extends this replica's leases on the jobs its workers run ({@code held}); returns those of them it no longer
     * holds (taken over, released, or ended elsewhere).
     */
    static List<UUID> renew(Class<? extends JobEntity> type, String instance, java.util.Collection<UUID> held,
                            Instant expiry) {
        if (held.isEmpty()) {
            return List.of();
        }
        return RetryingTransaction.call(() -> {
            var em = Panache.getEntityManager();
            em.createQuery("update " + type.getSimpleName() + " set leaseExpiresAt = :expiry "
                            + "where id in :held and status = :status and leaseOwner = :me")
                    .setParameter("expiry", expiry).setParameter("held", held).setParameter("status", JobStatus.RUNNING)
                    .setParameter("me", instance).executeUpdate();
            List<UUID> kept = em.createQuery("select id from " + type.getSimpleName()
                            + " where id in :held and status = :status and leaseOwner = :me", UUID.class)
                    .setParameter("held", held).setParameter("status", JobStatus.RUNNING)
                    .setParameter("me", instance).getResultList();
            List<UUID> lost = new java.util.ArrayList<>(held);
            lost.removeAll(kept);
            return lost;
        });
    }

    /** Puts this replica's running jobs back in the queue for another replica (a graceful shutdown). */
    static int release(Class<? extends JobEntity> type, String instance) {
        return RetryingTransaction.call(() -> Panache.getEntityManager()
                .createQuery("update " + type.getSimpleName() + " set status = :queued, leaseOwner = null, "
                        + "leaseExpiresAt = null where status = :running and leaseOwner = :me")
                .setParameter("queued", JobStatus.QUEUED).setParameter("running", JobStatus.RUNNING)
                .setParameter("me", instance).executeUpdate());
    }

    /** Ids of the jobs waiting to run since before {@code since} (queued, or put back in the queue), oldest first. */
    static List<UUID> queuedBefore(Class<? extends JobEntity> type, Instant since) {
        return RetryingTransaction.call(() -> Panache.getEntityManager()
                .createQuery("select id from " + type.getSimpleName() + " where status = :status and "
                        + "coalesce(leaseExpiresAt, createdAt) < :since order by createdAt", UUID.class)
                .setParameter("status", JobStatus.QUEUED).setParameter("since", since).getResultList());
    }

    /**
     * Asks a job to stop, in one transaction: a QUEUED job is CANCELLED at once and {@code announce}d; a RUNNING one
     * is handed to {@code askToStop} (which flags it for whichever replica runs it); an ended one is left as it is.
     * Returns the job, or {@code null} when there is none.
     */
    public static <J extends JobEntity> J cancel(Class<J> type, UUID id, Consumer<J> askToStop, Consumer<J> announce) {
        return RetryingTransaction.call(() -> {
            J job = Panache.getEntityManager().find(type, id);
            if (job != null && job.status == JobStatus.QUEUED) {
                job.status = JobStatus.CANCELLED;
                job.finishedAt = Instant.now();
                announce.accept(job);
            } else if (job != null && job.status == JobStatus.RUNNING) {
                askToStop.accept(job);
            }
            return job;
        });
    }

    /** Ids of the jobs waiting to run, oldest first. */
    public static List<UUID> queued(Class<? extends JobEntity> type) {
        return RetryingTransaction.call(() -> Panache.getEntityManager()
                .createQuery("select id from " + type.getSimpleName() + " where status = :status order by createdAt",
                        UUID.class)
                .setParameter("status", JobStatus.QUEUED).getResultList());
    }

    /** The message of a failure, or its type when it has none. */
    public static String reason(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
