package dev.rankforge.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.rankforge.contracts.JobStatus;
import dev.rankforge.contracts.SchemaVersion;
import dev.rankforge.contracts.TrainingEvent;
import dev.rankforge.infra.PostgresTestResource;
import dev.rankforge.service.outbox.Outbox;
import dev.rankforge.trainer.messaging.Channels;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The transactional outbox: a message added in a transaction that rolls back is never sent; one that commits is
 * sent once, in order with the others, and leaves the outbox table empty; the backlog meters are exposed.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class OutboxTest {
    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource database;

    @Test
    void onlyCommittedMessagesAreSentEachOnceInOrder() throws Exception {
        InMemorySink<TrainingEvent> sink = connector.sink(Channels.TRAINING_EVENTS);
        UUID rolledBack = UUID.randomUUID();
        List<UUID> committed = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.add(Channels.TRAINING_EVENTS, event(rolledBack));
            throw new IllegalStateException("the state change failed");
        })).hasMessageContaining("state change failed");
        QuarkusTransaction.requiringNew().run(() -> committed.forEach(id -> outbox.add(Channels.TRAINING_EVENTS, event(id))));

        await().atMost(Duration.ofSeconds(20)).until(() -> sent(sink).containsAll(committed));
        await().atMost(Duration.ofSeconds(5)).until(() -> unsent() == 0);
        // Through at least one more relay round, nothing is sent twice.
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> ours(sink, committed, rolledBack).size() == committed.size());
        List<UUID> ours = ours(sink, committed, rolledBack);
        assertThat(ours).as("committed ones, once each, in order").containsExactlyElementsOf(committed);
        String metrics = io.restassured.RestAssured.get("/q/metrics").asString();
        assertThat(metrics).as("the backlog meters are registered").contains("rankforge_outbox_pending",
                "rankforge_outbox_oldest_seconds");
    }

    private static List<UUID> ours(InMemorySink<TrainingEvent> sink, List<UUID> committed, UUID rolledBack) {
        return sent(sink).stream().filter(id -> committed.contains(id) || id.equals(rolledBack)).toList();
    }

    private static List<UUID> sent(InMemorySink<TrainingEvent> sink) {
        return sink.received().stream().map(m -> m.getPayload().jobId()).toList();
    }

    private long unsent() throws Exception {
        try (Connection c = database.getConnection();
             ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM outbox_message")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static TrainingEvent event(UUID jobId) {
        return new TrainingEvent(SchemaVersion.CURRENT, jobId, null, null, JobStatus.QUEUED, 0, 1, null, null, null,
                null, null, null, null, null, null, null, java.time.Instant.now());
    }
}
