package dev.rankforge.trainer.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rankforge.contracts.JobStatus;
import dev.rankforge.core.artifact.LocalArtifactStore;
import dev.rankforge.core.artifact.StoredArtifact;
import dev.rankforge.core.attack.BlackBox;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SequenceFile;
import dev.rankforge.core.extract.Fidelity;
import dev.rankforge.core.extract.ListDistillation;
import dev.rankforge.core.extract.QueryGenerator;
import dev.rankforge.core.extract.QuerySet;
import dev.rankforge.core.extract.TeacherLists;
import dev.rankforge.core.model.ModelArtifact;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.train.Checkpointing;
import dev.rankforge.core.train.EpochReport;
import dev.rankforge.core.train.SequenceTrainer;
import dev.rankforge.core.train.TrainingCheckpoint;
import dev.rankforge.core.train.TrainingListener;
import dev.rankforge.core.train.TrainingResult;
import dev.rankforge.service.WorkerPool;
import dev.rankforge.service.blackbox.HttpBlackBox;
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
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs TRAIN, DISTILL and EXTRACT jobs on a bounded pool of worker threads (never on the event loop or a Kafka
 * consumer). Every epoch is recorded, published and checkpointed; a job picked up again after a restart resumes
 * from its last checkpoint (and an EXTRACT job from its stored query set, without querying again). The result is
 * stored as a model artifact and registered once per job.
 */
@ApplicationScoped
public class TrainingWorker {
    private static final Logger LOG = Logger.getLogger(TrainingWorker.class);
    private static final long PROGRESS_EVERY_MS = 5_000;

    private final LocalArtifactStore artifacts;
    private final CheckpointFiles checkpoints;
    private final TrainingMapper mapper;
    private final TrainingEventPublisher events;
    private final TrainerConfig config;
    private final ObjectMapper json;
    private final WorkerPool pool;
    private final Map<UUID, AtomicBoolean> cancelled = new ConcurrentHashMap<>();

    public TrainingWorker(LocalArtifactStore artifacts, CheckpointFiles checkpoints, TrainingMapper mapper,
                          TrainingEventPublisher events, TrainerConfig config, ObjectMapper json) {
        this.artifacts = artifacts;
        this.checkpoints = checkpoints;
        this.mapper = mapper;
        this.events = events;
        this.config = config;
        this.json = json;
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

    /** What a finished job hands to the registry. */
    private record Outcome(ModelSpec spec, TrainingResult result, Map<String, Object> lineage,
                           Map<String, Object> metrics) {
    }

    void run(UUID jobId) {
        AtomicBoolean cancel = cancelled.computeIfAbsent(jobId, id -> new AtomicBoolean());
        TrainingJob claimed = JobTransitions.claim(TrainingJob.class, jobId);
        if (claimed == null) {
            cancelled.remove(jobId);
            return;
        }
        try {
            TrainingCheckpoint checkpoint = checkpoints.load(jobId).orElse(null);
            TrainingJob job = startAttempt(jobId, checkpoint);
            events.publish(mapper.toEvent(job, null, null));
            SequenceDataset data;
            try (InputStream in = artifacts.open(job.datasetUri)) {
                data = SequenceFile.read(in);
            }
            ResolvedParams params = mapper.read(job.params, ResolvedParams.class);
            ModelSpec spec = params.modelSpec(job.architecture, data.numItems());
            LOG.infof("%s job %s %s: %s, %d users, %d items, %d epochs", job.kind, jobId,
                    checkpoint == null ? "started" : "resumed after epoch " + checkpoint.epochsDone(),
                    job.architecture, data.numUsers(), data.numItems(), params.epochs());
            // A fine-tuning job starts from the initial model's weights unless it resumes from its own checkpoint.
            TrainingCheckpoint start = checkpoint != null || job.initialModelId == null ? checkpoint
                    : TrainingCheckpoint.startingFrom(initialParameters(job.initialModelId, spec));
            Checkpointing checkpointing = new Checkpointing(start, c -> checkpoints.save(jobId, c));
            TrainingListener listener = progressListener(job);
            Outcome outcome = switch (job.kind) {
                case TRAIN -> new Outcome(spec, new SequenceTrainer(params.trainConfig(config.device()), params.objective())
                        .train(spec, data, listener, cancel::get, checkpointing),
                        job.initialModelId == null ? Map.of() : Map.of("fineTunedFrom", job.initialModelId), Map.of());
                case DISTILL -> distill(job, params, spec, data, listener, cancel, checkpointing);
                case EXTRACT -> extract(job, params, spec, data, listener, cancel, checkpointing);
            };
            try (ScoringModel model = outcome.result().model()) {
                StoredArtifact artifact = artifacts.put("models", ".rfmd", model::save);
                RegisteredModel registered = register(job, params, artifact, outcome);
                TrainingJob done = JobTransitions.finish(TrainingJob.class, jobId, JobStatus.SUCCEEDED, null, j -> {
                    j.modelId = registered.id;
                    j.result = outcome.metrics().isEmpty() ? null : mapper.write(outcome.metrics());
                });
                checkpoints.delete(jobId);
                LOG.infof("%s job %s succeeded: model %s, best epoch %d, validation %s %.4f", job.kind, jobId,
                        registered.id, outcome.result().bestEpoch(), registered.validationMetric,
                        registered.validationScore);
                events.publish(mapper.toEvent(done, null, registered));
            }
        } catch (CancellationException e) {
            LOG.infof("training job %s cancelled", jobId);
            checkpoints.delete(jobId);
            events.publish(mapper.toEvent(finish(jobId, JobStatus.CANCELLED, null), null, null));
        } catch (Exception e) {
            LOG.errorf(e, "training job %s failed", jobId);
            events.publish(mapper.toEvent(finish(jobId, JobStatus.FAILED, JobTransitions.reason(e)), null, null));
        } finally {
            cancelled.remove(jobId);
        }
    }

    /** The weights of a registered model with exactly {@code spec}, to fine-tune from. */
    private byte[] initialParameters(UUID modelId, ModelSpec spec) throws IOException {
        RegisteredModel entry = QuarkusTransaction.requiringNew().call(
                () -> RegisteredModel.<RegisteredModel>findById(modelId));
        if (entry == null) {
            throw new IllegalStateException("initial model " + modelId + " is no longer registered");
        }
        try (InputStream in = artifacts.open(entry.artifactUri); ScoringModel initial = ModelArtifact.read(in)) {
            if (!initial.spec().equals(spec)) {
                throw new IllegalStateException("initial model " + modelId + " has spec " + initial.spec()
                        + ", this job trains " + spec);
            }
            return initial.parameters();
        }
    }

    /** Counts the attempt; when resuming, forgets epochs recorded after the checkpoint (they run again). */
    private static TrainingJob startAttempt(UUID jobId, TrainingCheckpoint checkpoint) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TrainingJob job = TrainingJob.findById(jobId);
            job.attempts++;
            job.resumedFromEpoch = checkpoint == null ? null : checkpoint.epochsDone();
            int done = checkpoint == null ? 0 : checkpoint.epochsDone();
            TrainingEpoch.deleteAfter(jobId, done);
            job.epoch = done;
            return job;
        });
    }

    private Outcome distill(TrainingJob job, ResolvedParams params, ModelSpec spec, SequenceDataset data,
                            TrainingListener listener, AtomicBoolean cancel, Checkpointing checkpointing)
            throws IOException {
        RegisteredModel teacherEntry = QuarkusTransaction.requiringNew().call(
                () -> RegisteredModel.<RegisteredModel>findById(job.teacherModelId));
        if (teacherEntry == null) {
            throw new IllegalStateException("teacher model " + job.teacherModelId + " is no longer registered");
        }
        try (InputStream in = artifacts.open(teacherEntry.artifactUri); ScoringModel teacher = ModelArtifact.read(in)) {
            int[][] sequences = new int[data.numUsers()][];
            for (int u = 0; u < data.numUsers(); u++) {
                int[] train = data.trainSequence(u);
                sequences[u] = Arrays.copyOfRange(train, Math.max(0, train.length - spec.maxLength()), train.length);
            }
            ResolvedParams.Distillation d = params.distillation();
            TrainingResult result = new ListDistillation(params.trainConfig(config.device())).train(spec,
                    new TeacherLists(teacher, sequences, d.listLength()), d.settings(), listener, cancel::get,
                    checkpointing);
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("teacherFidelity", fidelity(teacher.asBlackBox(), result.model(), data));
            return new Outcome(spec, result, Map.of("teacherModelId", job.teacherModelId, "loss", d.loss()), metrics);
        }
    }

    private Outcome extract(TrainingJob job, ResolvedParams params, ModelSpec spec, SequenceDataset data,
                            TrainingListener listener, AtomicBoolean cancel, Checkpointing checkpointing)
            throws IOException {
        ResolvedParams.Extraction x = params.extraction();
        ResolvedParams.Distillation d = params.distillation();
        QuerySet queries = job.querySetUri != null ? readQuerySet(job.querySetUri)
                : generateQueries(job, x, d, data.numItems(), params.seed(), cancel);
        TrainingResult result = new ListDistillation(params.trainConfig(config.device())).train(spec, queries,
                d.settings(), listener, cancel::get, checkpointing);
        Map<String, Object> metrics = new LinkedHashMap<>();
        try (HttpBlackBox victim = new HttpBlackBox(x.target(), json)) {
            metrics.put("victimFidelity", fidelity(victim, result.model(), data));
            metrics.put("evaluationQueries", victim.answered());
        } catch (RuntimeException e) {
            result.model().close();
            throw e;
        }
        metrics.put("queriesSpent", queries.queriesSpent());
        Map<String, Object> lineage = new LinkedHashMap<>();
        lineage.put("victimUrl", x.target().url());
        if (x.target().modelId() != null) {
            lineage.put("victimModelId", x.target().modelId());
        }
        lineage.put("querySetUri", job.querySetUri);
        lineage.put("generator", x.generator());
        lineage.put("sequences", x.sequences());
        lineage.put("length", x.length());
        lineage.put("queriesSpent", queries.queriesSpent());
        lineage.put("loss", d.loss());
        return new Outcome(spec, result, lineage, metrics);
    }

    private QuerySet generateQueries(TrainingJob job, ResolvedParams.Extraction x, ResolvedParams.Distillation d,
                                     int numItems, long seed, AtomicBoolean cancel) throws IOException {
        UUID jobId = job.id;
        long before = job.queriesSpent;
        long[] lastReport = {System.currentTimeMillis()};
        try (HttpBlackBox victim = new HttpBlackBox(x.target(), json)) {
            QuerySet queries;
            try {
                queries = QueryGenerator.generate(x.spec(d.listLength(), seed), numItems, victim, spent -> {
                    if (System.currentTimeMillis() - lastReport[0] >= PROGRESS_EVERY_MS) {
                        lastReport[0] = System.currentTimeMillis();
                        TrainingJob progress = recordQueries(jobId, before + spent, null);
                        LOG.infof("EXTRACT job %s: %d of %d queries answered", jobId, spent,
                                (long) x.sequences() * x.length());
                        events.publish(mapper.toEvent(progress, null, null));
                    }
                }, cancel::get);
            } finally {
                // Every answered query counts, also those of an attempt that failed or was killed later.
                recordQueries(jobId, before + victim.answered(), null);
            }
            StoredArtifact stored = artifacts.put("query-sets", ".rfqs", queries::write);
            TrainingJob updated = recordQueries(jobId, before + victim.answered(), stored.uri());
            job.querySetUri = updated.querySetUri;
            LOG.infof("EXTRACT job %s: %d queries answered (%d HTTP attempts), query set %s", jobId, victim.answered(),
                    victim.attempts(), stored.uri());
            return queries;
        }
    }

    private static TrainingJob recordQueries(UUID jobId, long spent, String querySetUri) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TrainingJob j = TrainingJob.findById(jobId);
            j.queriesSpent = spent;
            if (querySetUri != null) {
                j.querySetUri = querySetUri;
            }
            return j;
        });
    }

    private QuerySet readQuerySet(String uri) throws IOException {
        try (InputStream in = artifacts.open(uri)) {
            return QuerySet.read(in);
        }
    }

    private Map<String, Double> fidelity(BlackBox reference, ScoringModel model, SequenceDataset data) {
        int users = config.fidelityUsers() <= 0 ? data.numUsers() : Math.min(config.fidelityUsers(), data.numUsers());
        List<int[]> histories = new ArrayList<>(users);
        for (int u = 0; u < users; u++) {
            histories.add(data.testHistory(u));
        }
        return Fidelity.measure(reference, model, histories);
    }

    private void recordEpoch(UUID jobId, EpochReport report) {
        TrainingJob job = QuarkusTransaction.requiringNew().call(() -> {
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
            return j;
        });
        LOG.infof("%s job %s epoch %d/%d: loss %.4f, validation %s %.4f, %.0f examples/s, %d live arrays", job.kind,
                jobId, report.epoch(), report.epochs(), report.loss(), report.selectionMetric(),
                report.selectionValue(), report.examplesPerSecond(), report.liveArrays());
        events.publish(mapper.toEvent(job, report.examplesPerSecond(), null));
    }

    /** Records and publishes every epoch; within a long epoch, publishes its progress every few seconds. */
    private TrainingListener progressListener(TrainingJob job) {
        long[] lastReport = {System.currentTimeMillis()};
        return new TrainingListener() {
            @Override
            public void onEpoch(dev.rankforge.core.train.EpochReport report) {
                lastReport[0] = System.currentTimeMillis();
                recordEpoch(job.id, report);
            }

            @Override
            public void onBatch(int epoch, int done, int examples, double seconds) {
                if (System.currentTimeMillis() - lastReport[0] < PROGRESS_EVERY_MS || done >= examples) {
                    return;
                }
                lastReport[0] = System.currentTimeMillis();
                TrainingJob current = QuarkusTransaction.requiringNew().call(() -> TrainingJob.findById(job.id));
                events.publish(mapper.toEvent(current, done / Math.max(seconds, 1e-9), done / (double) examples, null));
            }
        };
    }

    /** Registers the job's model; a job that registered before a crash keeps its first registration. */
    private RegisteredModel register(TrainingJob job, ResolvedParams params, StoredArtifact artifact, Outcome outcome) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RegisteredModel existing = RegisteredModel.find("jobId", job.id).firstResult();
            if (existing != null) {
                return existing;
            }
            TrainingResult result = outcome.result();
            RegisteredModel m = new RegisteredModel();
            m.id = UUID.randomUUID();
            m.jobId = job.id;
            m.kind = job.kind;
            m.datasetId = job.datasetId;
            m.architecture = outcome.spec().architecture();
            m.hyperparameters = mapper.write(Map.of("model", outcome.spec(), "training", params.redacted()));
            m.artifactUri = artifact.uri();
            m.sha256 = artifact.sha256();
            m.validationMetric = job.kind == dev.rankforge.contracts.TrainingKind.TRAIN ? "ndcg@10" : "agreement@10";
            m.validationScore = result.bestValidation().getOrDefault(m.validationMetric, 0.0);
            m.bestEpoch = result.bestEpoch();
            m.lineage = mapper.write(outcome.lineage());
            m.metrics = mapper.write(outcome.metrics());
            m.createdAt = Instant.now();
            m.persist();
            return m;
        });
    }

    private static TrainingJob finish(UUID jobId, JobStatus status, String error) {
        return JobTransitions.finish(TrainingJob.class, jobId, status, error, j -> { });
    }
}
