package dev.rankforge.trainer.service;

import dev.rankforge.contracts.JobStatus;
import dev.rankforge.contracts.TrainingRequest;
import dev.rankforge.core.nn.Architectures;
import dev.rankforge.trainer.KnownDataset;
import dev.rankforge.trainer.TrainingJob;
import dev.rankforge.trainer.mapping.TrainingMapper;
import dev.rankforge.trainer.messaging.TrainingEventPublisher;
import dev.rankforge.service.job.JobTransitions;
import dev.rankforge.service.problem.InvalidRequestException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Accepts training requests (REST or Kafka) as durable jobs, idempotently on the job id, and hands them to
 * the {@link TrainingWorker}. On start-up it re-queues jobs that were waiting and fails jobs that were
 * interrupted mid-training.
 */
@ApplicationScoped
public class TrainingJobService {
    private static final Logger LOG = Logger.getLogger(TrainingJobService.class);
    static final String INTERRUPTED = "interrupted: the service stopped during training; submit a new job";

    private final TrainingWorker worker;
    private final TrainingMapper mapper;
    private final TrainingEventPublisher events;

    public TrainingJobService(TrainingWorker worker, TrainingMapper mapper, TrainingEventPublisher events) {
        this.worker = worker;
        this.mapper = mapper;
        this.events = events;
    }

    /** The accepted job and whether this call created it. */
    public record Accepted(TrainingJob job, boolean isNew) {
    }

    public Accepted submit(TrainingRequest request) {
        if (request.jobId() == null) {
            throw new InvalidRequestException("jobId", "is required");
        }
        if (request.datasetId() == null) {
            throw new InvalidRequestException("datasetId", "is required");
        }
        if (!Architectures.isKnown(request.architecture())) {
            throw new InvalidRequestException("architecture", "must be one of " + Architectures.names());
        }
        ResolvedParams params = ResolvedParams.resolve(request.params());
        Accepted accepted = QuarkusTransaction.requiringNew().call(() -> {
            TrainingJob existing = TrainingJob.findById(request.jobId());
            if (existing != null) {
                return new Accepted(existing, false);
            }
            TrainingJob job = new TrainingJob();
            job.id = request.jobId();
            job.datasetId = request.datasetId();
            job.datasetUri = request.datasetUri() != null ? request.datasetUri() : catalogueUri(request.datasetId());
            job.architecture = request.architecture();
            job.params = mapper.write(params);
            job.status = JobStatus.QUEUED;
            job.epochs = params.epochs();
            job.createdAt = Instant.now();
            job.persist();
            return new Accepted(job, true);
        });
        if (accepted.isNew()) {
            LOG.infof("training job %s queued: %s on dataset %s", accepted.job().id, request.architecture(),
                    request.datasetId());
            events.publish(mapper.toEvent(accepted.job(), null, null));
            worker.submit(accepted.job().id);
        }
        return accepted;
    }

    /** Asks a job to stop; a queued job is cancelled at once, a running one after its current batch. */
    public TrainingJob cancel(UUID jobId) {
        TrainingJob job = QuarkusTransaction.requiringNew().call(() -> {
            TrainingJob j = TrainingJob.findById(jobId);
            if (j != null && j.status == JobStatus.QUEUED) {
                j.status = JobStatus.CANCELLED;
                j.finishedAt = Instant.now();
            }
            return j;
        });
        if (job != null) {
            worker.requestCancel(jobId);
            if (job.status == JobStatus.CANCELLED) {
                events.publish(mapper.toEvent(job, null, null));
            }
        }
        return job;
    }

    void recover(@Observes StartupEvent event) {
        for (TrainingJob job : JobTransitions.failRunning(TrainingJob.class, INTERRUPTED)) {
            LOG.warnf("training job %s failed: %s", job.id, INTERRUPTED);
            events.publish(mapper.toEvent(job, null, null));
        }
        JobTransitions.queued(TrainingJob.class).forEach(worker::submit);
    }

    private static String catalogueUri(UUID datasetId) {
        KnownDataset dataset = KnownDataset.findById(datasetId);
        if (dataset == null) {
            throw new InvalidRequestException("datasetId",
                    "unknown dataset (not announced on dataset-events); give datasetUri or create it first");
        }
        return dataset.artifactUri;
    }
}
