package dev.rankforge.attack.service;

import dev.rankforge.service.job.RetryingTransaction;
import dev.rankforge.attack.AttackJob;
import dev.rankforge.attack.mapping.AttackMapper;
import dev.rankforge.attack.messaging.AttackEventPublisher;
import dev.rankforge.contracts.AttackEvent;
import dev.rankforge.core.attack.ProfilePollution;
import dev.rankforge.service.job.JobStateGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Commits what a running attack job has reached (a measured target, a stage, what poisoning made) and publishes
 * it as an event, so that progress is visible and a restarted service resumes from it.
 */
@ApplicationScoped
public class AttackProgress {
    private static final Logger LOG = Logger.getLogger(AttackProgress.class);

    private final AttackMapper mapper;
    private final AttackEventPublisher events;

    public AttackProgress(AttackMapper mapper, AttackEventPublisher events) {
        this.mapper = mapper;
        this.events = events;
    }

    /** The job-state gauges of this service ({@code rankforge_jobs{type="attack"}}), counted every 5 s. */
    @Produces
    @Singleton
    @Startup
    JobStateGauges jobStateGauges(MeterRegistry meters) {
        return new JobStateGauges(meters, AttackJob.class, "attack", Duration.ofSeconds(5));
    }

    void closeGauges(@Disposes JobStateGauges gauges) {
        gauges.close();
    }

    /** The job as committed now. */
    public AttackJob read(UUID jobId) {
        return RetryingTransaction.call(() -> AttackJob.<AttackJob>findById(jobId));
    }

    /** Throws {@link java.util.concurrent.CancellationException} when the job was asked to stop. */
    public void stopIfCancelled(UUID jobId) {
        if (cancelRequested(jobId)) {
            throw new java.util.concurrent.CancellationException("attack job " + jobId + " was cancelled");
        }
    }

    /** Whether the job was asked to stop (read from the database: any replica may have been asked). */
    public boolean cancelRequested(UUID jobId) {
        return RetryingTransaction.call(() -> AttackJob.<AttackJob>findById(jobId).cancelRequested);
    }

    /** Applies {@code change} in its own transaction and publishes the job's new state in it (the outbox). */
    public AttackJob update(UUID jobId, Consumer<AttackJob> change) {
        return RetryingTransaction.call(() -> {
            AttackJob j = AttackJob.findById(jobId);
            change.accept(j);
            events.publish(mapper.toEvent(j));
            return j;
        });
    }

    /** Records one measured target and the queries it cost. */
    public void target(UUID jobId, ProfilePollution.TargetOutcome outcome) {
        AttackJob job = update(jobId, j -> {
            List<AttackEvent.TargetResult> results = new ArrayList<>(j.results);
            results.add(new AttackEvent.TargetResult(outcome.target(), outcome.users(), outcome.before(),
                    outcome.after(), outcome.exampleInjected(), outcome.queries()));
            j.results = results;
            j.queries += outcome.queries();
        });
        LOG.infof("attack job %s: target %d measured (%d of %d), %d queries", jobId, outcome.target(),
                job.results.size(), job.targets.size(), outcome.queries());
    }

    /** The targets still to measure (a resumed job skips those already recorded). */
    public static List<Integer> remaining(AttackJob job) {
        List<Integer> done = job.results.stream().map(AttackEvent.TargetResult::target).toList();
        return job.targets.stream().filter(t -> !done.contains(t)).toList();
    }
}
