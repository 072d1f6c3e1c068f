package dev.rankforge.attack.messaging;

import dev.rankforge.attack.service.AttackJobService;
import dev.rankforge.contracts.AttackEvent;
import dev.rankforge.contracts.AttackRequest;
import dev.rankforge.contracts.JobStatus;
import dev.rankforge.contracts.SchemaVersion;
import dev.rankforge.service.problem.InvalidRequestException;
import java.time.Instant;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Accepts attack requests from Kafka; acknowledged once the job row is committed and queued. While trainer-service
 * (whose registry accepting reads) cannot answer, it tries again with backoff. Requests that cannot be accepted go
 * to the dead-letter topic, after a FAILED event for their job id so its sender does not wait.
 */
@ApplicationScoped
public class AttackRequestConsumer {
    private static final int ACCEPT_ATTEMPTS = 8;

    private final AttackJobService jobs;
    private final AttackEventPublisher events;

    public AttackRequestConsumer(AttackJobService jobs, AttackEventPublisher events) {
        this.jobs = jobs;
        this.events = events;
    }

    @Incoming(Channels.ATTACK_REQUESTS)
    @Blocking
    public void onRequest(AttackRequest request) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                jobs.submit(request);
                return;
            } catch (InvalidRequestException refused) {
                // A job id another team's job has gets no event: it would be that job's.
                if (!(refused instanceof dev.rankforge.service.problem.JobIdTakenException)) {
                    failed(request, "request refused: " + refused.getMessage());
                }
                throw refused;
            } catch (RuntimeException e) {
                // Accepting reads trainer-service's registry: while it restarts, wait for it (about a minute).
                if (attempt < ACCEPT_ATTEMPTS && transientFailure(e)) {
                    Thread.sleep(Math.min(1000L << attempt, 10_000L));
                    continue;
                }
                failed(request, "request could not be accepted: " + dev.rankforge.service.job.JobTransitions.reason(e));
                throw e;
            }
        }
    }

    /** The sender waits for this job's events: tell it the job failed (the request then goes to the dead letters). */
    private void failed(AttackRequest request, String reason) {
        if (request.jobId() != null) {
            events.publish(new AttackEvent(SchemaVersion.CURRENT, request.jobId(), JobStatus.FAILED,
                    request.method(), null, null, null, null, null, null, null, null, null, reason, Instant.now()));
        }
    }

    private static boolean transientFailure(RuntimeException e) {
        return e instanceof jakarta.ws.rs.ProcessingException
                || e instanceof jakarta.ws.rs.WebApplicationException w && w.getResponse().getStatus() >= 500;
    }
}
