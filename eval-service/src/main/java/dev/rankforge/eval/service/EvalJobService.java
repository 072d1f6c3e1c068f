package dev.rankforge.eval.service;

import dev.rankforge.contracts.EvalEvent;
import dev.rankforge.contracts.EvalRequest;
import dev.rankforge.contracts.JobStatus;
import dev.rankforge.contracts.SchemaVersion;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.metrics.EvaluationProtocol;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.eval.EvalJob;
import dev.rankforge.eval.config.EvalConfig;
import dev.rankforge.eval.messaging.EvalMessagePublisher;
import dev.rankforge.service.WorkerPool;
import dev.rankforge.service.job.Accepted;
import dev.rankforge.service.job.JobTransitions;
import dev.rankforge.service.problem.InvalidRequestException;
import dev.rankforge.service.team.Teams;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Evaluation jobs: accepted idempotently on the job id, run on a bounded worker pool. A job ranks every
 * test item against all items the user has not seen (full-ranking protocol) for the model and for the
 * popularity baseline, and publishes both on {@code eval-events}.
 */
@ApplicationScoped
public class EvalJobService {
    private static final Logger LOG = Logger.getLogger(EvalJobService.class);

    private final ModelEvaluation evaluation;
    private final EvalMessagePublisher publisher;
    private final EvalConfig config;
    private final WorkerPool pool;
    private final dev.rankforge.service.job.JobLeases leases;

    public EvalJobService(ModelEvaluation evaluation, EvalMessagePublisher publisher, EvalConfig config,
                          dev.rankforge.service.job.JobLeases leases) {
        this.leases = leases;
        this.evaluation = evaluation;
        this.publisher = publisher;
        this.config = config;
        this.pool = new WorkerPool("eval-worker", config.workers());
    }

    /** Before the database goes away (it has by {@code @PreDestroy}): hands this replica's jobs to the others. */
    void release(@Observes ShutdownEvent event) {
        leases.releaseAll();
    }

    @PreDestroy
    void stop() {
        pool.close();
    }

    public Accepted<EvalJob> submit(EvalRequest r) {
        require(r.jobId() != null, "jobId");
        require(r.modelId() != null, "modelId");
        require(r.modelUri() != null && !r.modelUri().isBlank(), "modelUri");
        require(r.datasetId() != null, "datasetId");
        require(r.datasetUri() != null && !r.datasetUri().isBlank(), "datasetUri");
        Accepted<EvalJob> accepted = QuarkusTransaction.requiringNew().call(() -> Accepted.once(EvalJob.class,
                r.jobId(), Teams.orDefault(r.team()), () -> {
                    EvalJob job = new EvalJob();
                    job.modelId = r.modelId();
                    job.modelUri = r.modelUri();
                    job.datasetId = r.datasetId();
                    job.datasetUri = r.datasetUri();
                    job.protocol = EvaluationProtocol.fullRanking().name();
                    return job;
                }));
        return accepted.startIfNew(id -> pool.submit(() -> run(id)));
    }

    void recover(@Observes StartupEvent event) {
        // Evaluation is cheap and side-effect free: interrupted jobs (this replica's, or expired leases) run again.
        leases.recoverAll(EvalJob.class, id -> pool.submit(() -> run(id)));
    }

    void run(UUID jobId) {
        EvalJob job = JobTransitions.claim(EvalJob.class, jobId, leases);
        if (job == null) {
            return;
        }
        try {
            SequenceDataset data = evaluation.dataset(job.datasetUri);
            int[] ks = config.ks().stream().mapToInt(Integer::intValue).toArray();
            List<String> protocols = List.of(job.protocol);
            Map<String, Double> model;
            try (ScoringModel scoring = evaluation.model(job.modelUri, data)) {
                model = evaluation.rank(data, scoring, protocols, config.maxUsers(), 0L, ks).get(job.protocol);
            }
            Map<String, Double> popularity = evaluation.popularity(data, protocols, config.maxUsers(), 0L, ks)
                    .get(job.protocol);
            int users = config.maxUsers() <= 0 ? data.numUsers() : Math.min(config.maxUsers(), data.numUsers());
            EvalJob done = finish(jobId, JobStatus.SUCCEEDED, null, users, model, popularity);
            LOG.infof("eval job %s succeeded: model %s ndcg@10 %.4f recall@10 %.4f; popularity ndcg@10 %.4f (%s, %d users)",
                    jobId, job.modelId, model.get("ndcg@10"), model.get("recall@10"), popularity.get("ndcg@10"),
                    job.protocol, users);
        } catch (Exception e) {
            LOG.errorf(e, "eval job %s failed", jobId);
            finish(jobId, JobStatus.FAILED, JobTransitions.reason(e), null, null, null);
        } finally {
            leases.done(jobId);
        }
    }

    private EvalJob finish(UUID jobId, JobStatus status, String error, Integer users, Map<String, Double> model,
                           Map<String, Double> popularity) {
        return JobTransitions.finish(EvalJob.class, jobId, leases, status, error, j -> {
            j.usersEvaluated = users;
            j.modelMetrics = model;
            j.popularityMetrics = popularity;
        }, j -> publisher.send(toEvent(j, model, popularity)));
    }

    private static EvalEvent toEvent(EvalJob j, Map<String, Double> model, Map<String, Double> popularity) {
        return new EvalEvent(SchemaVersion.CURRENT, j.id, j.modelId, j.status, j.protocol, j.usersEvaluated, model,
                popularity, j.error, Instant.now());
    }

    private static void require(boolean ok, String field) {
        if (!ok) {
            throw new InvalidRequestException(field, "is required");
        }
    }
}
