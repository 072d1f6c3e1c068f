package dev.rankforge.service.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The transactional outbox: a message to publish is a row of {@code outbox_message}, written in the transaction
 * that changes the state it announces (or in its own, outside one), so a crash can lose neither the change nor its
 * message. {@link OutboxRelay} publishes committed rows in order and deletes each once the broker acknowledged it;
 * a crash between the two publishes it again, so consumers stay idempotent on the ids the messages carry.
 */
@ApplicationScoped
public class Outbox {
    private final AgroalDataSource database;
    private final ObjectMapper json;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;

    public Outbox(AgroalDataSource database, ObjectMapper json, OutboxRelay relay,
                  TransactionSynchronizationRegistry transactions) {
        this.database = database;
        this.json = json;
        this.relay = relay;
        this.transactions = transactions;
    }

    /** Adds {@code payload} for {@code channel}, joining the caller's transaction if there is one. */
    public void add(String channel, Object payload) {
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a " + payload.getClass().getSimpleName() + " is not JSON", e);
        }
        QuarkusTransaction.joiningExisting().run(() -> {
            try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(
                    "INSERT INTO outbox_message (channel, payload, created_at) VALUES (?, ?, now())")) {
                s.setString(1, channel);
                s.setString(2, body);
                s.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("writing a " + channel + " message to the outbox failed", e);
            }
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        relay.wake();
                    }
                }
            });
        });
    }
}
