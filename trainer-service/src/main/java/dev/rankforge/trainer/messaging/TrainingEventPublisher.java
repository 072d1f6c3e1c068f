package dev.rankforge.trainer.messaging;

import dev.rankforge.contracts.TrainingEvent;
import dev.rankforge.service.outbox.OutboxPublisher;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Publishes job progress and outcomes on {@code training-events} (through the outbox). */
@ApplicationScoped
@Startup
public class TrainingEventPublisher extends OutboxPublisher<TrainingEvent> {
    @Channel(Channels.TRAINING_EVENTS)
    Emitter<TrainingEvent> emitter;

    public TrainingEventPublisher() {
        super(Channels.TRAINING_EVENTS, TrainingEvent.class);
    }

    @Override
    protected Emitter<TrainingEvent> emitter() {
        return emitter;
    }
}
