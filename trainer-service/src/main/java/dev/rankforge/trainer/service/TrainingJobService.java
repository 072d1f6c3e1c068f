package dev.rankforge.trainer.service;

import dev.rankforge.contracts.JobStatus;
import dev.rankforge.contracts.TrainingRequest;
import dev.rankforge.core.nn.Architectures;
import dev.rankforge.core.extract.ListDistillation;
import dev.rankforge.core.nn.Objective;
import dev.rankforge.core.train.SequenceTrainer;
import dev.rankforge.contracts.TrainingKind;
import dev.rankforge.trainer.config.TrainerConfig;
import dev.rankforge.trainer.TrainingJob;
import dev.rankforge.trainer.mapping.TrainingMapper;
import dev.rankforge.trainer.messaging.TrainingEventPublisher;
import dev.rankforge.service.job.JobLeases;
import dev.rankforge.service.job.JobTransitions;
import dev.rankforge.service.job.Accepted;
import dev.rankforge.service.blackbox.Credentials;
import dev.rankforge.service.blackbox.OutboundConfig;
import dev.rankforge.service.blackbox.OutboundPolicy;
import dev.rankforge.service.problem.InvalidRequestException;
import dev.rankforge.service.problem.LimitExceededException;
import dev.rankforge.service.problem.RequestValidation;
import dev.rankforge.service.team.Teams;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Accepts TRAIN, DISTILL and EXTRACT requests (REST or Kafka) as durable jobs, idempotently on the job id, and
 * hands them to the {@link TrainingWorker}. On start-up it re-queues jobs that were waiting and jobs that were
 * interrupted mid-training (they resume from their last checkpoint).
 */
@ApplicationScoped
public class TrainingJobService {
    private static final Logger LOG = Logger.getLogger(TrainingJobService.class);

    private final TrainingWorker worker;
    private final TrainingMapper mapper;
    private final TrainingEventPublisher events;
    private final TrainerConfig config;

    private final OutboundPolicy outbound;
    private final Credentials credentials;

    private final JobLeases leases;
    private final RequestValidation validation;

    public TrainingJobService(TrainingWorker worker, TrainingMapper mapper, TrainingEventPublisher events,
                              TrainerConfig config, OutboundConfig outboundConfig, Credentials credentials,
                              JobLeases leases, RequestValidation validation) {
        this.leases = leases;
        this.validation = validation;
        this.outbound = new OutboundPolicy(List.of(config.selfUrl()), outboundConfig.allow().orElse(List.of()));
        this.credentials = credentials;
        this.worker = worker;
        this.mapper = mapper;
        this.events = events;
        this.config = config;
    }

    public Accepted<TrainingJob> submit(TrainingRequest request) {
        validation.check(request);
        if (request.jobId() == null) {
            throw new InvalidRequestException("jobId", "is required");
        }
        if (request.datasetId() == null) {
            throw new InvalidRequestException("datasetId", "is required");
        }
        if (!Architectures.isKnown(request.architecture())) {
            throw new InvalidRequestException("architecture", "must be one of " + Architectures.names());
        }
        TrainingKind kind = request.kind() == null ? TrainingKind.TRAIN : request.kind();
        String team = Teams.orDefault(request.team());
        ResolvedParams params = ResolvedParams.resolve(kind, request.architecture(), request.params(),
                request.distillation(), request.extraction(), config.selfUrl(), outbound, credentials);
        if (params.objective() != null) {
            try {
                Objective.resolve(params.objective(), Architectures.build(params.modelSpec(request.architecture(), 2))
                        .objectives());
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("params.objective", e.getMessage());
            }
        }
        Accepted<TrainingJob> accepted = QuarkusTransaction.requiringNew().call(() -> {
            // One team's submissions look, count and insert one at a time: concurrent ones cannot all pass the
            // limit, and a repeated one finds the job its twin stored (and is answered with it, never refused).
            TrainingJob.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                    .setParameter(1, "training-jobs:" + team).getSingleResult();
            Accepted<TrainingJob> existing = Accepted.existing(TrainingJob.class, request.jobId(), team);
            if (existing != null) {
                return existing;
            }
            TrainingReferences.checkModels(request, kind, params, team, config.selfUrl());
            long active = TrainingJob.count("team = ?1 and status in (?2, ?3)", team, JobStatus.QUEUED,
                    JobStatus.RUNNING);
            if (active >= config.maxActiveJobsPerTeam()) {
                throw new LimitExceededException("team", "team '" + team + "' has "
                        + active + " jobs queued or running, the most RANKFORGE_TRAINER_MAX_ACTIVE_JOBS_PER_TEAM ("
                        + config.maxActiveJobsPerTeam() + ") allows; submit again when one has ended");
            }
            String datasetUri = TrainingReferences.datasetUri(request, team);
            return Accepted.created(request.jobId(), team, () -> {
                TrainingJob job = new TrainingJob();
                job.datasetId = request.datasetId();
                job.datasetUri = datasetUri;
                job.architecture = request.architecture();
                job.kind = kind;
                job.teacherModelId = request.teacherModelId();
                job.initialModelId = request.initialModelId();
                job.validationMetric = kind == TrainingKind.TRAIN ? SequenceTrainer.SELECTION_METRIC
                        : ListDistillation.SELECTION_METRIC;
                job.params = params;
                job.epochs = params.epochs();
                return job;
            }, job -> events.publish(mapper.toEvent(job, null, null)));
        });
        if (accepted.isNew()) {
            LOG.infof("%s job %s queued: %s on dataset %s", kind, accepted.job().id, request.architecture(),
                    request.datasetId());
        }
        return accepted.startIfNew(worker::submit);
    }

    /** Asks a job to stop; a queued job is cancelled at once, a running one after its current batch. */
    public TrainingJob cancel(UUID jobId) {
        TrainingJob job = JobTransitions.cancel(TrainingJob.class, jobId, j -> j.cancelRequested = true,
                j -> events.publish(mapper.toEvent(j, null, null)));
        if (job != null) {
            worker.requestCancel(jobId);
        }
        return job;
    }

    void recover(@Observes StartupEvent event) {
        if (!worker.runsJobs()) {
            LOG.info("role api: jobs are accepted here and run by the worker replicas");
            return;
        }
        for (TrainingJob job : leases.recoverAll(TrainingJob.class, worker::submit)) {
            LOG.warnf("%s job %s was interrupted after epoch %d; it resumes from its last checkpoint", job.kind,
                    job.id, job.epoch);
        }
    }
}
