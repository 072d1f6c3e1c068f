package dev.rankforge.service.job;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Replica-safe jobs: a RUNNING job is leased to the replica that claimed it (owner, expiry in its row). The owner
 * renews its leases every third of {@link JobLeaseConfig#leaseSeconds()}; a job whose lease expired — its replica
 * was killed or cut off — is put back in the queue by any other replica, which then claims it as usual (its
 * checkpoint makes the next attempt resume). A job left QUEUED longer than a renewal period — accepted by a replica
 * that died before running it, or by one that runs no jobs (trainer-service's {@code api} role) — is taken up too (a claim is atomic, so a job offered to two replicas runs once). A
 * replica that lost a job's lease cannot finish it ({@link JobTransitions#finish}). A replica shutting down
 * releases its jobs at once.
 */
@ApplicationScoped
public class JobLeases {
    private static final Logger LOG = Logger.getLogger(JobLeases.class);

    private final String instance;
    private final Duration ttl;
    private final List<Runnable> releases = new CopyOnWriteArrayList<>();
    /** The jobs this replica's workers run, by type: only their leases are renewed. */
    private final java.util.Map<Class<?>, Set<UUID>> held = new java.util.concurrent.ConcurrentHashMap<>();
    private final ScheduledExecutorService keeper = dev.rankforge.service.WorkerPool.scheduler("job-leases");

    public JobLeases(JobLeaseConfig config) {
        this.instance = config.instance().orElseGet(() -> host() + "-" + UUID.randomUUID().toString().substring(0, 8));
        this.ttl = Duration.ofSeconds(config.leaseSeconds());
    }

    /** This process's name in leases. */
    public String instance() {
        return instance;
    }

    /** Records that a worker of this replica runs {@code id} (its claim succeeded). */
    void held(Class<?> type, UUID id) {
        held.computeIfAbsent(type, t -> java.util.concurrent.ConcurrentHashMap.newKeySet()).add(id);
    }

    /** Whether a worker of this replica runs {@code id} now. */
    public boolean holds(UUID id) {
        return held.values().stream().anyMatch(ids -> ids.contains(id));
    }

    /** A worker of this replica is done with {@code id}, however its run ended: its lease is no longer renewed. */
    public void done(UUID id) {
        held.values().forEach(ids -> ids.remove(id));
    }

    /** How long a lease lasts without renewal. */
    public Duration leaseLength() {
        return ttl;
    }

    /** When a lease taken or renewed now expires. */
    public Instant expiry() {
        return Instant.now().plus(ttl);
    }

    /**
     * At start: {@link #recoverAndKeep} and then every waiting job of {@code type} handed to {@code run}, oldest
     * first. Returns the jobs that were interrupted mid-run (now waiting again), for the caller to log.
     */
    public <J extends JobEntity> List<J> recoverAll(Class<J> type, Consumer<UUID> run) {
        List<J> recovered = recoverAndKeep(type, run);
        JobTransitions.queued(type).forEach(run);
        return recovered;
    }

    /**
     * At start: puts back in the queue the RUNNING jobs of {@code type} this replica may take (its own from before a
     * restart, those whose lease expired, those from before leases existed) and returns them; then keeps renewing
     * this replica's leases and, on each round, hands every job taken over from an expired lease to {@code resume}.
     */
    private <J extends JobEntity> List<J> recoverAndKeep(Class<J> type, Consumer<UUID> resume) {
        List<J> recovered = JobTransitions.requeueRecoverable(type, instance, Instant.now());
        long period = Math.max(1, ttl.toMillis() / 3);
        Set<UUID> offered = new HashSet<>();
        keeper.scheduleWithFixedDelay(() -> keep(type, resume, offered), period, period, TimeUnit.MILLISECONDS);
        releases.add(() -> {
            int released = JobTransitions.release(type, instance);
            if (released > 0) {
                LOG.infof("released %d running %s job(s) for another replica", released, type.getSimpleName());
            }
        });
        return recovered;
    }

    private <J extends JobEntity> void keep(Class<J> type, Consumer<UUID> resume, Set<UUID> offered) {
        try {
            Set<UUID> mine = held.getOrDefault(type, Set.of());
            for (UUID lost : JobTransitions.renew(type, instance, List.copyOf(mine), expiry())) {
                mine.remove(lost);
                LOG.warnf("%s %s is no longer this replica's (its lease was taken over or released); its result here "
                        + "will be dropped", type.getSimpleName(), lost);
            }
            for (J job : JobTransitions.requeueExpired(type, instance, Instant.now())) {
                offered.add(job.id);
                resume.accept(job.id);
            }
            // Offered once each while they wait: a job this replica's own workers have not reached yet is harmless
            // to offer (the claim decides), offering it every round would only fill the queue.
            List<UUID> waiting = JobTransitions.queuedBefore(type, Instant.now().minus(ttl.dividedBy(3)));
            offered.retainAll(new HashSet<>(waiting));
            for (UUID id : waiting) {
                if (offered.add(id)) {
                    resume.accept(id);
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "renewing or taking over %s leases failed; trying again in %d s", type.getSimpleName(),
                    ttl.toSeconds() / 3);
        }
    }

    /**
     * Stops renewing and puts this replica's running jobs back in the queue, before its workers are stopped: whatever
     * they report after this (an interruption taken for a failure included) is dropped, and the jobs resume on another
     * replica, or here at the next start, from their checkpoints.
     */
    public void releaseAll() {
        keeper.shutdownNow();
        for (Runnable release : releases) {
            try {
                release.run();
            } catch (RuntimeException e) {
                LOG.warnf("releasing leases at shutdown failed (%s); they expire in %s", e.getMessage(), ttl);
            }
        }
        releases.clear();
    }

    @PreDestroy
    void stop() {
        keeper.shutdownNow();
    }

    private static String host() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "replica";
        }
    }
}
