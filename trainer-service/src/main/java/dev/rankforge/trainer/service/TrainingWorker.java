package dev.rankforge.trainer.service;

import dev.rankforge.contracts.JobStatus;
import dev.rankforge.core.artifact.LocalArtifactStore;
import dev.rankforge.core.artifact.StoredArtifact;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SequenceFile;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.train.EpochReport;
import dev.rankforge.core.train.SequenceTrainer;
import dev.rankforge.core.train.TrainingResult;
import dev.rankforge.service.WorkerPool;
import dev.rankforge.service.job.JobTransitions;
import dev.rankforge.trainer.RegisteredModel;
import dev.rankforge.trainer.TrainingEpoch;
import dev.rankforge.trainer.TrainingJob;
import dev.rankforge.trainer.config.TrainerConfig;
import dev.rankforge.trainer.mapping.TrainingMapper;
import dev.rankforge.trainer.messaging.TrainingEventPublisher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs training jobs on a bounded pool of worker threads (never on the event loop or a Kafka consumer):
 * loads the dataset artifact, trains, records every epoch, stores the model artifact and registers it.
 */
@ApplicationScoped
public class TrainingWorker {
    private static final Logger LOG = Logger.getLogger(TrainingWorker.class);

    private final LocalArtifactStore artifacts;
    private final TrainingMapper mapper;
    private final TrainingEventPublisher events;
    private final TrainerConfig config;
    private final WorkerPool pool;
    private final Map<UUID, AtomicBoolean> cancelled = new ConcurrentHashMap<>();

    public TrainingWorker(LocalArtifactStore artifacts, TrainingMapper mapper, TrainingEventPublisher events,
                          TrainerConfig config) {
        this.artifacts = artifacts;
        this.mapper = mapper;
        this.events = events;
        this.config = config;
        this.pool = new WorkerPool("training-worker", config.workers());
    }

    public void submit(UUID jobId) {
        cancelled.putIfAbsent(jobId, new AtomicBoolean());
        pool.submit(() -> run(jobId));
    }

    public void requestCancel(UUID jobId) {
        cancelled.computeIfAbsent(jobId, id -> new AtomicBoolean()).set(true);
    }

    @PreDestroy
    void stop() {
        pool.close();
    }

    void run(UUID jobId) {
        AtomicBoolean cancel = cancelled.computeIfAbsent(jobId, id -> new AtomicBoolean());
        TrainingJob job = JobTransitions.claim(TrainingJob.class, jobId);
        if (job == null) {
            cancelled.remove(jobId);
            return;
        }
        events.publish(mapper.toEvent(job, null, null));
        try {
            SequenceDataset data;
            try (InputStream in = artifacts.open(job.datasetUri)) {
                data = SequenceFile.read(in);
            }
            ResolvedParams params = mapper.read(job.params, ResolvedParams.class);
            ModelSpec spec = params.modelSpec(job.architecture, data.numItems());
            LOG.infof("training job %s started: %s, %d users, %d items, %d epochs", jobId, job.architecture,
                    data.numUsers(), data.numItems(), params.epochs());
            TrainingResult result = new SequenceTrainer(params.trainConfig(config.device()))
                    .train(spec, data, report -> recordEpoch(jobId, report), cancel::get);
            try (ScoringModel model = result.model()) {
                StoredArtifact artifact = artifacts.put("models", ".rfmd", model::save);
                RegisteredModel registered = register(job, spec, params, artifact, result);
                TrainingJob done = finish(jobId, JobStatus.SUCCEEDED, null, registered.id);
                LOG.infof("training job %s succeeded: model %s, best epoch %d, validation ndcg@10 %.4f", jobId,
                        registered.id, result.bestEpoch(), registered.validationNdcg10);
                events.publish(mapper.toEvent(done, null, registered));
            }
        } catch (CancellationException e) {
            LOG.infof("training job %s cancelled", jobId);
            events.publish(mapper.toEvent(finish(jobId, JobStatus.CANCELLED, null, null), null, null));
        } catch (Exception e) {
            LOG.errorf(e, "training job %s failed", jobId);
            events.publish(mapper.toEvent(finish(jobId, JobStatus.FAILED, JobTransitions.reason(e), null), null, null));
        } finally {
            cancelled.remove(jobId);
        }
    }

    private void recordEpoch(UUID jobId, EpochReport report) {
        TrainingJob job = QuarkusTransaction.requiringNew().call(() -> {
            TrainingEpoch epoch = new TrainingEpoch();
            epoch.key = new TrainingEpoch.Key(jobId, report.epoch());
            epoch.loss = report.loss();
            epoch.validationNdcg10 = report.selectionValue();
            epoch.sequencesPerSecond = report.examplesPerSecond();
            epoch.recordedAt = Instant.now();
            epoch.persist();
            TrainingJob j = TrainingJob.findById(jobId);
            j.epoch = report.epoch();
            j.loss = report.loss();
            j.validationNdcg10 = report.selectionValue();
            return j;
        });
        LOG.infof("training job %s epoch %d/%d: loss %.4f, validation ndcg@10 %.4f (full ranking), %.0f seq/s",
                jobId, report.epoch(), report.epochs(), report.loss(), report.selectionValue(),
                report.examplesPerSecond());
        events.publish(mapper.toEvent(job, report.examplesPerSecond(), null));
    }

    private RegisteredModel register(TrainingJob job, ModelSpec spec, ResolvedParams params,
                                     StoredArtifact artifact, TrainingResult result) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RegisteredModel m = new RegisteredModel();
            m.id = UUID.randomUUID();
            m.jobId = job.id;
            m.datasetId = job.datasetId;
            m.architecture = spec.architecture();
            m.hyperparameters = mapper.write(Map.of("model", spec, "training", params));
            m.artifactUri = artifact.uri();
            m.sha256 = artifact.sha256();
            m.validationNdcg10 = result.bestValidation().getOrDefault("ndcg@10", 0.0);
            m.bestEpoch = result.bestEpoch();
            m.createdAt = Instant.now();
            m.persist();
            return m;
        });
    }

    private static TrainingJob finish(UUID jobId, JobStatus status, String error, UUID modelId) {
        return JobTransitions.finish(TrainingJob.class, jobId, status, error, j -> j.modelId = modelId);
    }
}
