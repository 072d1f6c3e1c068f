package dev.rankforge.attack.messaging;

import dev.rankforge.contracts.AttackEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/** Publishes attack job states and outcomes on {@code attack-events}. */
@ApplicationScoped
public class AttackEventPublisher {
    private static final Logger LOG = Logger.getLogger(AttackEventPublisher.class);

    @Channel(Channels.ATTACK_EVENTS)
    Emitter<AttackEvent> emitter;

    public void publish(AttackEvent event) {
        emitter.send(event).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.errorf(failure, "could not publish %s event of attack job %s", event.status(), event.jobId());
            }
        });
    }
}
