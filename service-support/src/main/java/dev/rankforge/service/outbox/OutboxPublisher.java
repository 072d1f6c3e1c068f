package dev.rankforge.service.outbox;

import dev.rankforge.contracts.KeyedMessage;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * A service's publisher of one event type on one channel, through the transactional outbox: called inside a
 * transaction, the event commits with it; the relay sends it on the subclass's emitter (again after a crash, until
 * acknowledged). A subclass is a {@code @Startup} bean that names its channel and type and injects its emitter.
 */
public abstract class OutboxPublisher<T extends KeyedMessage> {
    private final String channel;
    private final Class<T> type;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    protected OutboxPublisher(String channel, Class<T> type) {
        this.channel = channel;
        this.type = type;
    }

    /** The channel's emitter ({@code @Channel} in the subclass). */
    protected abstract Emitter<T> emitter();

    @PostConstruct
    protected void route() {
        relay.route(channel, emitter(), type);
    }

    public void publish(T event) {
        outbox.add(channel, event);
    }
}
