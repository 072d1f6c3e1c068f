package dev.rankforge.attack.service;

import dev.rankforge.attack.AttackJob;
import dev.rankforge.attack.config.AttackConfig;
import dev.rankforge.attack.mapping.AttackMapper;
import dev.rankforge.attack.messaging.AttackEventPublisher;
import dev.rankforge.contracts.JobStatus;
import dev.rankforge.service.WorkerPool;
import dev.rankforge.service.job.JobTransitions;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs attack jobs on a bounded worker pool: claims the job, hands it to the {@link AttackRunner} of its method
 * ({@link PollutionRunner}, {@link PoisoningRunner}) and records the end. Runners commit progress as they go, so
 * a job put back in the queue after a restart resumes where it stopped.
 */
@ApplicationScoped
public class AttackWorker {
    private static final Logger LOG = Logger.getLogger(AttackWorker.class);

    private final Map<String, AttackRunner> runners;
    private final AttackMapper mapper;
    private final AttackEventPublisher events;
    private final WorkerPool pool;
    private final dev.rankforge.service.job.JobLeases leases;

    public AttackWorker(Instance<AttackRunner> runners, AttackMapper mapper, AttackEventPublisher events,
                        AttackConfig config, dev.rankforge.service.job.JobLeases leases) {
        this.leases = leases;
        this.runners = runners.stream().collect(Collectors.toMap(AttackRunner::method, r -> r));
        this.mapper = mapper;
        this.events = events;
        this.pool = new WorkerPool("attack-worker", config.workers());
    }

    public void submit(UUID jobId) {
        pool.submit(() -> run(jobId));
    }

    private static boolean stoppedByShutdown(Throwable e) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    /** Before the database goes away (it has by {@code @PreDestroy}): hands this replica's jobs to the others. */
    void release(@Observes ShutdownEvent event) {
        leases.releaseAll(); // what was running resumes on another replica, or here at the next start
    }

    @PreDestroy
    void stop() {
        pool.close();
    }

    void run(UUID jobId) {
        AttackJob job = JobTransitions.claim(AttackJob.class, jobId, leases, j -> events.publish(mapper.toEvent(j)));
        if (job == null) {
            return;
        }
        long started = System.nanoTime();
        try {
            AttackRunner runner = runners.get(job.method);
            if (runner == null) {
                throw new IllegalStateException("no runner for attack method '" + job.method + "'");
            }
            runner.run(job);
            AttackJob done = JobTransitions.finish(AttackJob.class, jobId, leases, JobStatus.SUCCEEDED, null,
                    j -> { }, j -> events.publish(mapper.toEvent(j)));
            if (done == null) {
                return; // another replica holds the job now
            }
            LOG.infof("attack job %s succeeded: %s with %s over %d targets, %d queries, %.1f s; mean after %s", jobId,
                    done.method, done.chooser, done.results.size(), done.queries, (System.nanoTime() - started) / 1e9,
                    AttackMapper.mean(done.results, false));
        } catch (java.util.concurrent.CancellationException e) {
            LOG.infof("attack job %s cancelled", jobId);
            JobTransitions.finish(AttackJob.class, jobId, leases, JobStatus.CANCELLED, null,
                    j -> { }, j -> events.publish(mapper.toEvent(j)));
        } catch (Exception e) {
            if (stoppedByShutdown(e)) {
                // The service is stopping: the job was released, and resumes on another replica or at the next start.
                LOG.infof("attack job %s interrupted by shutdown; it resumes from what it committed", jobId);
                return;
            }
            LOG.errorf(e, "attack job %s failed", jobId);
            JobTransitions.finish(AttackJob.class, jobId, leases, JobStatus.FAILED, JobTransitions.reason(e),
                    j -> { }, j -> events.publish(mapper.toEvent(j)));
        } finally {
            leases.done(jobId);
        }
    }
}
