package dev.rankforge.attack.service;

import dev.rankforge.attack.AttackJob;
import dev.rankforge.attack.mapping.AttackMapper;
import dev.rankforge.attack.messaging.AttackEventPublisher;
import dev.rankforge.contracts.AttackRequest;
import dev.rankforge.contracts.JobStatus;
import dev.rankforge.service.job.JobTransitions;
import dev.rankforge.service.problem.InvalidRequestException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Accepts attack requests (REST or Kafka) as durable jobs, idempotently on the job id, and queues them on
 * the {@link AttackWorker}. On start-up, queued jobs are re-queued and interrupted ones failed with a reason.
 */
@ApplicationScoped
public class AttackJobService {
    private static final Logger LOG = Logger.getLogger(AttackJobService.class);
    private static final String INTERRUPTED = "interrupted: the service stopped during the attack; submit a new job";

    private final AttackWorker worker;
    private final AttackMapper mapper;
    private final AttackEventPublisher events;

    public AttackJobService(AttackWorker worker, AttackMapper mapper, AttackEventPublisher events) {
        this.worker = worker;
        this.mapper = mapper;
        this.events = events;
    }

    /** The accepted job and whether this call created it. */
    public record Accepted(AttackJob job, boolean isNew) {
    }

    public Accepted submit(AttackRequest r) {
        require(r.jobId() != null, "jobId", "is required");
        require(r.victimModelId() != null, "victimModelId", "is required");
        require(r.datasetId() != null, "datasetId", "is required");
        require(r.datasetUri() != null && !r.datasetUri().isBlank(), "datasetUri", "is required");
        int injected = r.injectedItems() == null ? 3 : r.injectedItems();
        int maxUsers = r.maxUsers() == null ? 500 : r.maxUsers();
        int k = r.k() == null ? 10 : r.k();
        require(injected >= 1 && injected <= 50, "injectedItems", "must be between 1 and 50");
        require(maxUsers >= 1, "maxUsers", "must be positive");
        require(k >= 1 && k <= 100, "k", "must be between 1 and 100");
        require(r.targetItem() == null || r.targetItem() >= 1, "targetItem", "must be a positive item id");
        Accepted accepted = QuarkusTransaction.requiringNew().call(() -> {
            AttackJob existing = AttackJob.findById(r.jobId());
            if (existing != null) {
                return new Accepted(existing, false);
            }
            AttackJob job = new AttackJob();
            job.id = r.jobId();
            job.victimModelId = r.victimModelId();
            job.datasetId = r.datasetId();
            job.datasetUri = r.datasetUri();
            job.targetItem = r.targetItem();
            job.injectedCount = injected;
            job.maxUsers = maxUsers;
            job.k = k;
            job.seed = r.seed() == null ? 42L : r.seed();
            job.status = JobStatus.QUEUED;
            job.createdAt = Instant.now();
            job.persist();
            return new Accepted(job, true);
        });
        if (accepted.isNew()) {
            LOG.infof("attack job %s queued against model %s", r.jobId(), r.victimModelId());
            events.publish(mapper.toEvent(accepted.job()));
            worker.submit(r.jobId());
        }
        return accepted;
    }

    void recover(@Observes StartupEvent event) {
        for (AttackJob job : JobTransitions.failRunning(AttackJob.class, INTERRUPTED)) {
            LOG.warnf("attack job %s failed: %s", job.id, INTERRUPTED);
            events.publish(mapper.toEvent(job));
        }
        JobTransitions.queued(AttackJob.class).forEach(worker::submit);
    }

    private static void require(boolean ok, String field, String reason) {
        if (!ok) {
            throw new InvalidRequestException(field, reason);
        }
    }
}
