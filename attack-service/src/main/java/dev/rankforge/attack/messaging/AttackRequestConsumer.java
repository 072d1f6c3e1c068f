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
 * Accepts attack requests from Kafka; acknowledged once the job row is committed and queued. Requests that
 * cannot be accepted go to the dead-letter topic, after a FAILED event for their job id so its sender does not wait.
 */
@ApplicationScoped
public class AttackRequestConsumer {
    private final AttackJobService jobs;
    private final AttackEventPublisher events;

    public AttackRequestConsumer(AttackJobService jobs, AttackEventPublisher events) {
        this.jobs = jobs;
        this.events = events;
    }

    @Incoming(Channels.ATTACK_REQUESTS)
    @Blocking
    public void onRequest(AttackRequest request) {
        try {
            jobs.submit(request);
        } catch (InvalidRequestException refused) {
            // The sender waits for this job's events: tell it the job failed, then dead-letter the request. A job id
            // another team's job has gets no event: it would be that job's.
            if (request.jobId() != null && !(refused instanceof dev.rankforge.service.problem.JobIdTakenException)) {
                events.publish(new AttackEvent(SchemaVersion.CURRENT, request.jobId(), JobStatus.FAILED,
                        request.method(), null, null, null, null, null, null, null, null, null,
                        "request refused: " + refused.getMessage(), Instant.now()));
            }
            throw refused;
        }
    }
}
