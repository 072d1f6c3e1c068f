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

    /** Moves a queued job to RUNNING; returns it, or {@code null} when it is gone or no longer queued. */
    public static <J extends JobEntity> J claim(Class<J> type, UUID id) {
        return claim(type, id, job -> { });
    }

    /** As {@link #claim(Class, UUID)}, then {@code announce} the running job in the same transaction. */
    public static <J extends JobEntity> J claim(Class<J> type, UUID id, Consumer<J> announce) {
        return RetryingTransaction.call(() -> {
            J job = Panache.getEntityManager().find(type, id);
            if (job == null || job.status != JobStatus.QUEUED) {
                return null;
            }
            job.status = JobStatus.RUNNING;
            job.startedAt = Instant.now();
            announce.accept(job);
            return job;
        });
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
        return RetryingTransaction.call(() -> {
            J job = Panache.getEntityManager().find(type, id);
            results.accept(job);
            job.status = status;
            job.error = error;
            job.finishedAt = Instant.now();
            announce.accept(job);
            return job;
        });
    }

    /** Fails every RUNNING job with {@code reason} (after a restart); returns them. */
    public static <J extends JobEntity> List<J> failRunning(Class<J> type, String reason) {
        return RetryingTransaction.call(() -> {
            List<J> running = Panache.getEntityManager()
                    .createQuery("from " + type.getSimpleName() + " where status = :status", type)
                    .setParameter("status", JobStatus.RUNNING).getResultList();
            for (J job : running) {
                job.status = JobStatus.FAILED;
                job.error = reason;
                job.finishedAt = Instant.now();
            }
            return running;
        });
    }

    /** Puts every RUNNING job back in the queue (after a restart, for services whose jobs can resume); returns them. */
    public static <J extends JobEntity> List<J> requeueRunning(Class<J> type) {
        return RetryingTransaction.call(() -> {
            List<J> running = Panache.getEntityManager()
                    .createQuery("from " + type.getSimpleName() + " where status = :status", type)
                    .setParameter("status", JobStatus.RUNNING).getResultList();
            for (J job : running) {
                job.status = JobStatus.QUEUED;
            }
            return running;
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
