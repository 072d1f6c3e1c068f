package dev.rankforge.eval.service;

import dev.rankforge.contracts.JobStatus;
import dev.rankforge.eval.ExperimentStep;
import dev.rankforge.service.job.JobLeases;
import dev.rankforge.service.job.RetryingTransaction;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Replica-safe experiment steps. A step is leased to the replica that starts it (in the transaction that marks it
 * RUNNING) for as long as that replica sends its request or, for the steps whose work runs in eval-service (dataset,
 * evaluate), does the work; the lease is renewed meanwhile and cleared once the request is on the broker (the step
 * then waits on its job's events, which any replica may handle) or the step ended. A step whose lease expired — its
 * replica was killed mid-work — is claimed by another replica, which starts it again under the same job id. Uses the
 * lease length and the instance name of {@link JobLeases}.
 */
@ApplicationScoped
public class StepLeases {
    private static final Logger LOG = Logger.getLogger(StepLeases.class);

    private final JobLeases leases;
    /** The steps this replica is starting or working on: only their leases are renewed. */
    private final Set<UUID> working = ConcurrentHashMap.newKeySet();

    public StepLeases(JobLeases leases) {
        this.leases = leases;
    }

    /** Leases {@code step} to this replica; inside the transaction that marks it RUNNING. */
    void take(ExperimentStep step) {
        step.leaseOwner = leases.instance();
        step.leaseExpiresAt = leases.expiry();
        working.add(step.jobId);
    }

    /** Clears the lease of an ending step; inside the transaction that ends it. */
    void end(ExperimentStep step) {
        step.leaseOwner = null;
        step.leaseExpiresAt = null;
        working.remove(step.jobId);
    }

    /** The step's request is on the broker: it waits on its job in another service, leased to no replica. */
    void handedOver(UUID jobId) {
        working.remove(jobId);
        RetryingTransaction.run(() -> Panache.getEntityManager().createQuery("update ExperimentStep set "
                        + "leaseOwner = null, leaseExpiresAt = null where jobId = :id and leaseOwner = :me")
                .setParameter("id", jobId).setParameter("me", leases.instance()).executeUpdate());
    }

    /** The period of {@link #renew} and {@link #claimExpired}: a third of a lease. */
    long periodMillis() {
        return Math.max(1, leases.leaseLength().toMillis() / 3);
    }

    /** Extends the leases of the steps this replica works on; forgets those another replica took over. */
    void renew() {
        if (working.isEmpty()) {
            return;
        }
        List<UUID> held = List.copyOf(working);
        List<UUID> kept = RetryingTransaction.call(() -> {
            var em = Panache.getEntityManager();
            em.createQuery("update ExperimentStep set leaseExpiresAt = :expiry where jobId in :held "
                            + "and status = :running and leaseOwner = :me")
                    .setParameter("expiry", leases.expiry()).setParameter("held", held)
                    .setParameter("running", JobStatus.RUNNING).setParameter("me", leases.instance()).executeUpdate();
            return em.createQuery("select jobId from ExperimentStep where jobId in :held and status = :running "
                            + "and leaseOwner = :me", UUID.class)
                    .setParameter("held", held).setParameter("running", JobStatus.RUNNING)
                    .setParameter("me", leases.instance()).getResultList();
        });
        for (UUID id : held) {
            if (!kept.contains(id) && working.remove(id)) {
                LOG.debugf("step %s is no longer leased here (it ended, or its lease was taken over)", id);
            }
        }
    }

    /**
     * Claims the running steps whose lease expired, and at start those still leased to this instance name (it
     * restarted); each is this replica's once returned, to be started again.
     */
    List<ExperimentStep> claimExpired(boolean includingMine) {
        String claimable = includingMine ? "(leaseExpiresAt < :now or leaseOwner = :me)"
                : "leaseExpiresAt < :now and leaseOwner <> :me";
        return RetryingTransaction.call(() -> {
            List<ExperimentStep> claimed = Panache.getEntityManager()
                    .createQuery("from ExperimentStep where status = :running and leaseOwner is not null and "
                            + claimable + " order by position", ExperimentStep.class)
                    .setParameter("running", JobStatus.RUNNING).setParameter("now", Instant.now())
                    .setParameter("me", leases.instance())
                    .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                    .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED: another replica is on it
                    .getResultList();
            for (ExperimentStep step : claimed) {
                if (!step.leaseOwner.equals(leases.instance())) {
                    LOG.warnf("experiment %s step %s: the lease of %s expired; this replica starts it again",
                            step.experimentId, step.name, step.leaseOwner);
                }
                take(step);
            }
            return claimed;
        });
    }

    /** At shutdown: this replica's steps may be claimed at once by another replica (or by this one restarted). */
    void releaseAll() {
        working.clear();
        RetryingTransaction.run(() -> Panache.getEntityManager().createQuery("update ExperimentStep set "
                        + "leaseExpiresAt = :now where status = :running and leaseOwner = :me")
                .setParameter("now", Instant.now()).setParameter("running", JobStatus.RUNNING)
                .setParameter("me", leases.instance()).executeUpdate());
    }
}
