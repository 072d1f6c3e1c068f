package dev.rankforge.attack.messaging;

import dev.rankforge.contracts.TrainingRequest;
import dev.rankforge.service.outbox.KeyedMessages;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Sends a poisoning job's retrains to trainer-service on {@code training-requests}, waiting for the broker's ack. */
@ApplicationScoped
public class TrainingRequestPublisher {
    @Channel(Channels.TRAINING_REQUESTS)
    Emitter<TrainingRequest> emitter;

    public void send(TrainingRequest request) throws Exception {
        KeyedMessages.send(emitter, request).toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
