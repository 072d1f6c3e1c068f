package dev.rankforge.trainer.service;

import dev.rankforge.contracts.JobStatus;
import dev.rankforge.contracts.TrainingKind;
import dev.rankforge.service.artifact.ArtifactStore;
import dev.rankforge.service.artifact.StoredArtifact;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SequenceFile;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.train.Checkpointing;
import dev.rankforge.core.train.TrainingCheckpoint;
import dev.rankforge.service.WorkerPool;
import dev.rankforge.service.job.JobTransitions;
import dev.rankforge.trainer.RegisteredModel;
import dev.rankforge.trainer.TrainingJob;
import dev.rankforge.trainer.config.TrainerConfig;
import dev.rankforge.trainer.run.JobOutcome;
import dev.rankforge.trainer.run.JobProgress;
import dev.rankforge.trainer.run.JobRun;
import dev.rankforge.trainer.run.JobRunner;
import dev.rankforge.trainer.run.ModelRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs TRAIN, DISTILL and EXTRACT jobs on a bounded pool of worker threads (never on the event loop or a Kafka
 * consumer): claims the job, loads its dataset, hands it to the {@link JobRunner} of its kind, then stores the model
 * and registers it once per job. A job picked up again after a restart resumes from its last checkpoint.
 */
@ApplicationScoped
public class TrainingWorker {
    private static final Logger LOG = Logger.getLogger(TrainingWorker.class);

    private final ArtifactStore artifacts;
    private final JobCheckpoints checkpoints;
    private final JobProgress progress;
    private final ModelRegistry registry;
    private final Map<TrainingKind, JobRunner> runners = new EnumMap<>(TrainingKind.class);
    private final WorkerPool pool;
    private final Map<UUID, AtomicBoolean> cancelled = new ConcurrentHashMap<>();
    private final dev.rankforge.service.job.JobLeases leases;
    private final boolean runsJobs;
    private final java.util.concurrent.ScheduledExecutorService cancelReader =
            dev.rankforge.service.WorkerPool.scheduler("cancel-requests");

    public TrainingWorker(ArtifactStore artifacts, JobCheckpoints checkpoints, JobProgress progress, ModelRegistry registry, Instance<JobRunner> runners,
                          TrainerConfig config, dev.rankforge.service.job.JobLeases leases) {
        this.leases = leases;
        if (!List.of("all", "api", "worker").contains(config.role())) {
            throw new IllegalArgumentException("RANKFORGE_TRAINER_ROLE must be all, api or worker, not " + config.role());
        }
        this.runsJobs = !config.role().equals("api");
        this.artifacts = artifacts;
        this.checkpoints = checkpoints;
        this.progress = progress;
        this.registry = registry;
        runners.forEach(r -> this.runners.put(r.kind(), r));
        this.pool = new WorkerPool("training-worker", config.workers());
        if (runsJobs) {
            cancelReader.scheduleWithFixedDelay(this::readCancelRequests, 2, 2, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** Runs the job here when this process runs jobs (role {@code all} or {@code worker}); else a worker takes it up. */
    public void submit(UUID jobId) {
        if (!runsJobs) {
            return;
        }
        cancelled.putIfAbsent(jobId, new AtomicBoolean());
        pool.submit(() -> run(jobId));
    }

    /** Whether this process runs training jobs. */
    public boolean runsJobs() {
        return runsJobs;
    }

    public void requestCancel(UUID jobId) {
        cancelled.computeIfAbsent(jobId, id -> new AtomicBoolean()).set(true);
    }

    /** Cancels asked of another replica reach the jobs running here: their flags are read every few seconds. */
    private void readCancelRequests() {
        try {
            List<UUID> here = List.copyOf(cancelled.keySet());
            if (here.isEmpty()) {
                return;
            }
            List<UUID> asked = dev.rankforge.service.job.RetryingTransaction.call(() -> TrainingJob.getEntityManager()
                    .createQuery("select id from TrainingJob where id in :ids and cancelRequested = true", UUID.class)
                    .setParameter("ids", here).getResultList());
            asked.forEach(id -> cancelled.computeIfPresent(id, (k, flag) -> {
                flag.set(true);
                return flag;
            }));
        } catch (RuntimeException e) {
            LOG.warnf("reading cancel requests failed (%s); trying again", e.getMessage());
        }
    }

    /** Before the database goes away (it has by {@code @PreDestroy}): hands this replica's jobs to the others. */
    void release(@Observes ShutdownEvent event) {
        cancelReader.shutdownNow();
        leases.releaseAll(); // what was running resumes on another replica, or here at the next start
    }

    @PreDestroy
    void stop() {
        cancelReader.shutdownNow();
        pool.close();
    }

    void run(UUID jobId) {
        AtomicBoolean cancel = cancelled.computeIfAbsent(jobId, id -> new AtomicBoolean());
        if (JobTransitions.claim(TrainingJob.class, jobId, leases) == null) {
            if (!leases.holds(jobId)) {
                cancelled.remove(jobId); // running elsewhere, or no longer queued (here: the flag of the run stays)
            }
            return;
        }
        try {
            TrainingCheckpoint checkpoint = checkpoints.load(jobId).orElse(null);
            TrainingJob job = progress.startAttempt(jobId, checkpoint);
            SequenceDataset data;
            try (InputStream in = artifacts.open(job.datasetUri)) {
                data = SequenceFile.read(in);
            }
            ResolvedParams params = job.params;
            ModelSpec spec = params.modelSpec(job.architecture, data.numItems());
            LOG.infof("%s job %s %s: %s, %d users, %d items, %d epochs", job.kind, jobId,
                    checkpoint == null ? "started" : "resumed after epoch " + checkpoint.epochsDone(),
                    job.architecture, data.numUsers(), data.numItems(), params.epochs());
            // A fine-tuning job starts from the initial model's weights unless it resumes from its own checkpoint.
            TrainingCheckpoint start = checkpoint != null || job.initialModelId == null ? checkpoint
                    : TrainingCheckpoint.startingFrom(registry.initialParameters(job.initialModelId, spec));
            JobRun run = new JobRun(job, params, spec, data, progress.listener(job), cancel::get,
                    new Checkpointing(start, c -> checkpoints.save(jobId, c)));
            JobOutcome outcome = runners.get(job.kind).run(run);
            try (ScoringModel model = outcome.result().model()) {
                StoredArtifact artifact = artifacts.put("models", ".rfmd", model::save);
                // a two-tower model is served from an index of its item tower, built once here
                StoredArtifact index = model.indexable() ? artifacts.put("models", ".ann", model.buildIndex()::write)
                        : null;
                RegisteredModel registered = registry.register(job, params, spec, artifact, index, outcome);
                progress.succeeded(jobId, registered, j -> j.result = outcome.metrics().isEmpty() ? null
                        : outcome.metrics());
                checkpoints.delete(jobId);
                LOG.infof("%s job %s succeeded: model %s, best epoch %d, validation %s %.4f", job.kind, jobId,
                        registered.id, outcome.result().bestEpoch(), registered.validationMetric,
                        registered.validationScore);
            }
        } catch (CancellationException e) {
            LOG.infof("training job %s cancelled", jobId);
            checkpoints.delete(jobId);
            progress.ended(jobId, JobStatus.CANCELLED, null);
        } catch (Exception e) {
            LOG.errorf(e, "training job %s failed", jobId);
            progress.ended(jobId, JobStatus.FAILED, JobTransitions.reason(e));
        } finally {
            cancelled.remove(jobId);
            leases.done(jobId);
        }
    }
}
