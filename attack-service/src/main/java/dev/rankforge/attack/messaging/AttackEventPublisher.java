package dev.rankforge.attack.messaging;

import dev.rankforge.contracts.AttackEvent;
import dev.rankforge.service.outbox.OutboxPublisher;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Publishes attack job states and outcomes on {@code attack-events} (through the outbox). */
@ApplicationScoped
@Startup
public class AttackEventPublisher extends OutboxPublisher<AttackEvent> {
    @Channel(Channels.ATTACK_EVENTS)
    Emitter<AttackEvent> emitter;

    public AttackEventPublisher() {
        super(Channels.ATTACK_EVENTS, AttackEvent.class);
    }

    @Override
    protected Emitter<AttackEvent> emitter() {
        return emitter;
    }
}
