package dev.rankforge.service.outbox;

import dev.rankforge.contracts.KeyedMessage;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * The one way the services send a message: under its {@link KeyedMessage#messageKey() key}, so all of one job's
 * messages share a partition and keep their order. Connectors other than Kafka (the in-memory one of unit tests)
 * ignore the key.
 */
public final class KeyedMessages {
    private KeyedMessages() {
    }

    /** Sends {@code payload} keyed by its job; completes when the broker acknowledged it, fails when it refused. */
    public static <T extends KeyedMessage> CompletionStage<Void> send(Emitter<T> emitter, T payload) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata<String> key = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(payload.messageKey()).build();
        emitter.send(Message.of(payload, Metadata.of(key), () -> {
            acknowledged.complete(null);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            acknowledged.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        }));
        return acknowledged;
    }
}
