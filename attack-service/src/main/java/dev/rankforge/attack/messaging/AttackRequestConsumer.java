package dev.rankforge.attack.messaging;

import dev.rankforge.attack.service.AttackJobService;
import dev.rankforge.contracts.AttackRequest;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Accepts attack requests from Kafka; acknowledged once the job row is committed and queued. Requests that
 * cannot be accepted go to the dead-letter topic.
 */
@ApplicationScoped
public class AttackRequestConsumer {
    private final AttackJobService jobs;

    public AttackRequestConsumer(AttackJobService jobs) {
        this.jobs = jobs;
    }

    @Incoming(Channels.ATTACK_REQUESTS)
    @Blocking
    public void onRequest(AttackRequest request) {
        jobs.submit(request);
    }
}
