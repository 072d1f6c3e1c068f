package dev.rankforge.data.messaging;

import dev.rankforge.contracts.DatasetReady;
import dev.rankforge.service.outbox.OutboxPublisher;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Publishes {@link DatasetReady} on {@code dataset-events} (through the outbox). */
@ApplicationScoped
@Startup
public class DatasetEventPublisher extends OutboxPublisher<DatasetReady> {
    @Channel(Channels.DATASET_EVENTS)
    Emitter<DatasetReady> emitter;

    public DatasetEventPublisher() {
        super(Channels.DATASET_EVENTS, DatasetReady.class);
    }

    @Override
    protected Emitter<DatasetReady> emitter() {
        return emitter;
    }
}
