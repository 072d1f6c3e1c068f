package dev.rankforge.trainer.run;

import dev.rankforge.service.job.RetryingTransaction;
import dev.rankforge.contracts.JobStatus;
import dev.rankforge.core.train.EpochReport;
import dev.rankforge.core.train.TrainingCheckpoint;
import dev.rankforge.core.train.ProgressListener;
import dev.rankforge.service.job.JobTransitions;
import dev.rankforge.trainer.RegisteredModel;
import dev.rankforge.trainer.TrainingEpoch;
import dev.rankforge.trainer.TrainingJob;
import dev.rankforge.trainer.mapping.TrainingMapper;
import dev.rankforge.trainer.messaging.TrainingEventPublisher;
import dev.rankforge.service.job.JobStateGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * A running job's state as others see it: each change is committed to its row (and epoch history) and then
 * published as a training event. Within a long epoch or query generation, progress goes out every few seconds.
 */
@ApplicationScoped
public class JobProgress {
    private static final Logger LOG = Logger.getLogger(JobProgress.class);
    static final long EVERY_MS = 5_000;

    private final TrainingMapper mapper;
    private final TrainingEventPublisher events;
    private final MeterRegistry meters;

    private final dev.rankforge.service.job.JobLeases leases;

    public JobProgress(TrainingMapper mapper, TrainingEventPublisher events, MeterRegistry meters,
                       dev.rankforge.service.job.JobLeases leases) {
        this.leases = leases;
        this.mapper = mapper;
        this.events = events;
        this.meters = meters;
    }

    /** The job-state gauges of this service ({@code rankforge_jobs{type="training"}}), counted every 5 s. */
    @Produces
    @Singleton
    @Startup
    JobStateGauges jobStateGauges() {
        return new JobStateGauges(meters, TrainingJob.class, "training", Duration.ofSeconds(5));
    }

    void closeGauges(@Disposes JobStateGauges gauges) {
        gauges.close();
    }

    /** Counts the attempt; when resuming, forgets epochs recorded after the checkpoint (they run again). */
    public TrainingJob startAttempt(UUID jobId, TrainingCheckpoint checkpoint) {
        TrainingJob job = RetryingTransaction.call(() -> {
            TrainingJob j = TrainingJob.findById(jobId);
            j.attempts++;
            j.resumedFromEpoch = checkpoint == null ? null : checkpoint.epochsDone();
            int done = checkpoint == null ? 0 : checkpoint.epochsDone();
            TrainingEpoch.deleteAfter(jobId, done);
            j.epoch = done;
            events.publish(mapper.toEvent(j, null, null));
            return j;
        });
        return job;
    }

    /**
     * Records and publishes every epoch, timing it in {@code rankforge_training_epochs_seconds{kind, architecture}}
     * (training and validation); within a long epoch, publishes its progress every few seconds.
     */
    public ProgressListener listener(TrainingJob job) {
        long[] lastReport = {System.currentTimeMillis()};
        long[] epochStarted = {System.nanoTime()};
        Timer epochs = Timer.builder("rankforge.training.epochs").description("wall time of one training epoch")
                .tag("kind", job.kind.name()).tag("architecture", job.architecture).register(meters);
        return new ProgressListener() {
            @Override
            public void onEpoch(EpochReport report) {
                epochs.record(System.nanoTime() - epochStarted[0], TimeUnit.NANOSECONDS);
                epochStarted[0] = System.nanoTime();
                lastReport[0] = System.currentTimeMillis();
                recordEpoch(job.id, report);
            }

            @Override
            public void onBatch(int epoch, int done, int examples, double seconds) {
                if (System.currentTimeMillis() - lastReport[0] < EVERY_MS || done >= examples) {
                    return;
                }
                lastReport[0] = System.currentTimeMillis();
                TrainingJob current = RetryingTransaction.call(() -> TrainingJob.findById(job.id));
                events.publish(mapper.toEvent(current, done / Math.max(seconds, 1e-9), done / (double) examples, null));
            }
        };
    }

    /** Commits the queries answered so far (and the stored query set, when given); {@code publish} sees the row. */
    public TrainingJob recordQueries(UUID jobId, long spent, String querySetUri, boolean publish) {
        TrainingJob job = RetryingTransaction.call(() -> {
            TrainingJob j = TrainingJob.findById(jobId);
            j.queriesSpent = spent;
            if (querySetUri != null) {
                j.querySetUri = querySetUri;
            }
            if (publish) {
                events.publish(mapper.toEvent(j, null, null));
            }
            return j;
        });
        return job;
    }

    /** Ends the job as SUCCEEDED with its registered model, and says so in the same transaction (the outbox). */
    public void succeeded(UUID jobId, RegisteredModel model, Consumer<TrainingJob> result) {
        JobTransitions.finish(TrainingJob.class, jobId, leases, JobStatus.SUCCEEDED, null, j -> {
            j.modelId = model.id;
            result.accept(j);
        }, j -> events.publish(mapper.toEvent(j, null, model)));
    }

    /** Ends the job as CANCELLED or FAILED (with the reason), and says so in the same transaction. */
    public void ended(UUID jobId, JobStatus status, String error) {
        JobTransitions.finish(TrainingJob.class, jobId, leases, status, error, j -> { },
                j -> events.publish(mapper.toEvent(j, null, null)));
    }

    private void recordEpoch(UUID jobId, EpochReport report) {
        TrainingJob job = RetryingTransaction.call(() -> {
            TrainingEpoch epoch = new TrainingEpoch();
            epoch.key = new TrainingEpoch.Key(jobId, report.epoch());
            epoch.loss = report.loss();
            epoch.validationScore = report.selectionValue();
            epoch.examplesPerSecond = report.examplesPerSecond();
            epoch.recordedAt = Instant.now();
            epoch.persist();
            TrainingJob j = TrainingJob.findById(jobId);
            j.epoch = report.epoch();
            j.loss = report.loss();
            j.validationMetric = report.selectionMetric();
            j.validationScore = report.selectionValue();
            events.publish(mapper.toEvent(j, report.examplesPerSecond(), null));
            return j;
        });
        LOG.infof("%s job %s epoch %d/%d: loss %.4f, validation %s %.4f, %.0f examples/s, %d live arrays", job.kind,
                jobId, report.epoch(), report.epochs(), report.loss(), report.selectionMetric(),
                report.selectionValue(), report.examplesPerSecond(), report.liveArrays());
    }
}
