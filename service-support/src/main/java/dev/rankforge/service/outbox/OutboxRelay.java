package dev.rankforge.service.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rankforge.contracts.KeyedMessage;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox's committed messages, oldest first, on the emitter routed to each one's channel, each keyed
 * by its job ({@link KeyedMessages}), and deletes a message once the broker acknowledged it. One thread, started by
 * the first {@link #route}; it runs when {@link Outbox} wakes it after a commit and every
 * {@link OutboxConfig#pollEvery()} besides (which also picks up what a crashed process left). A failed send is logged once per outage and retried on the next round.
 * Of several replicas of a service only one relays at a time — the one holding the outbox's PostgreSQL advisory
 * lock on a connection of its own, outside the pool (so the lock can never stay behind on a pooled connection) —
 * so every message goes out once, and each job's in order; when that replica dies its connection closes (TCP keepalive finds a
 * vanished host), the lock with it, and another replica's relay takes over on its next round.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    /** The advisory lock whose holder relays (any constant unique among this database's advisory locks). */
    private static final long RELAY_LOCK = 0x5241_4E4B_4F42_0001L;

    private record Route(Emitter<KeyedMessage> emitter, Class<? extends KeyedMessage> type) {
    }

    private record Pending(long id, String channel, String payload) {
    }

    private final AgroalDataSource database;
    private final ObjectMapper json;
    private final OutboxConfig config;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong pending = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong oldestMillis = new java.util.concurrent.atomic.AtomicLong();
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile Thread thread;
    private volatile boolean stopping;
    private boolean failing;
    /** The connection holding {@link #RELAY_LOCK} while this replica relays; null while another one does. */
    private Connection leadership;

    public OutboxRelay(AgroalDataSource database, ObjectMapper json, OutboxConfig config,
                       io.micrometer.core.instrument.MeterRegistry meters) {
        this.database = database;
        this.json = json;
        this.config = config;
        // Counted by the relay after each round, never by the scrape: a growing backlog means the broker is away.
        io.micrometer.core.instrument.Gauge.builder("rankforge.outbox.pending", pending, Number::doubleValue)
                .description("events committed but not yet acknowledged by the broker").register(meters);
        io.micrometer.core.instrument.Gauge.builder("rankforge.outbox.oldest", oldestMillis, m -> m.get() / 1000.0)
                .baseUnit("seconds").description("age of the oldest unsent event").register(meters);
    }

    /** Messages of {@code channel} go out on {@code emitter}, read back as {@code type}. */
    @SuppressWarnings("unchecked")
    public synchronized <T extends KeyedMessage> void route(String channel, Emitter<T> emitter, Class<T> type) {
        routes.put(channel, new Route((Emitter<KeyedMessage>) (Emitter<?>) emitter, type));
        if (thread == null) {
            thread = new Thread(this::run, "outbox-relay");
            thread.setDaemon(true);
            thread.start();
        }
        wake();
    }

    void wake() {
        wakeUps.release();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        Thread running = thread;
        if (running != null) {
            running.interrupt(); // a message sent but not yet deleted is sent again by the next start
            running.join(5_000);
        }
        resign();
    }

    private void run() {
        while (!stopping) {
            try {
                wakeUps.tryAcquire(config.pollEvery().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                try {
                    while (!stopping && relayBatch() == BATCH) {
                        // a full batch sent: more may be waiting
                    }
                } finally {
                    measureBacklog();
                }
                if (failing) {
                    LOG.info("outbox relay: publishing again");
                    failing = false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) { // the thread must outlive any failure, or events would wait unseen
                if (stopping) {
                    return;
                }
                if (!failing) {
                    LOG.errorf(e, "outbox relay: publishing failed; unsent messages stay in the outbox and are retried");
                    failing = true;
                }
            }
        }
    }

    /**
     * Publishes up to one batch in order and returns how many it sent; stops at the first failed send, so no message
     * overtakes an older one. A message that can no longer be read as its channel's type could never be sent: it is
     * logged with its payload and dropped rather than blocking every later one.
     */
    private int relayBatch() throws Exception {
        if (!leading()) {
            return 0;
        }
        List<Pending> pending = unsent();
        int sent = 0;
        for (Pending message : pending) {
            Route route = routes.get(message.channel());
            if (route == null) {
                continue; // its publisher has not started yet; it will
            }
            config.haltBeforeSending().filter(message.payload()::contains).ifPresent(text -> {
                LOG.warnf("outbox relay: halting before sending %s message %d (fault injection)", message.channel(),
                        message.id());
                Runtime.getRuntime().halt(137);
            });
            KeyedMessage payload;
            try {
                payload = json.readValue(message.payload(), route.type());
            } catch (java.io.IOException e) {
                LOG.errorf(e, "outbox relay: dropping %s message %d, unreadable as %s: %s", message.channel(),
                        message.id(), route.type().getSimpleName(), message.payload());
                delete(message.id());
                continue;
            }
            KeyedMessages.send(route.emitter(), payload).toCompletableFuture()
                    .get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
            delete(message.id());
            sent++;
        }
        return sent;
    }

    /** Whether this replica relays: it holds the relay lock, or takes it now if no other replica does. */
    private boolean leading() {
        try {
            if (leadership != null && leadership.isValid(2)) {
                return true;
            }
        } catch (SQLException e) {
            // checked below by taking the lock anew
        }
        resign();
        Connection c = null;
        try {
            c = lockConnection();
            boolean taken;
            try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                s.setLong(1, RELAY_LOCK);
                try (ResultSet r = s.executeQuery()) {
                    taken = r.next() && r.getBoolean(1);
                }
            }
            if (taken) {
                leadership = c;
                c = null;
                LOG.info("outbox relay: this replica relays the outbox");
                return true;
            }
            return false;
        } catch (SQLException e) {
            LOG.debugf(e, "outbox relay: the relay lock could not be taken");
            return false;
        } finally {
            closeQuietly(c);
        }
    }

    /** A connection of the service's database outside the pool: closing it really closes it, and frees the lock. */
    private static Connection lockConnection() throws SQLException {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        java.util.Properties properties = new java.util.Properties();
        config.getOptionalValue("quarkus.datasource.username", String.class)
                .ifPresent(user -> properties.setProperty("user", user));
        config.getOptionalValue("quarkus.datasource.password", String.class)
                .ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "outbox-relay");
        return java.sql.DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                properties);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing is all that was left to do with it
            }
        }
    }

    /** Gives the relay lock back: its session ends with its connection. */
    private synchronized void resign() {
        Connection c = leadership;
        leadership = null;
        closeQuietly(c);
    }

    private void measureBacklog() {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)) * 1000, 0) FROM outbox_message");
             ResultSet r = s.executeQuery()) {
            r.next();
            pending.set(r.getLong(1));
            oldestMillis.set((long) r.getDouble(2));
        } catch (SQLException e) {
            LOG.debugf(e, "outbox relay: backlog not measured");
        }
    }

    private List<Pending> unsent() throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, channel, payload FROM outbox_message ORDER BY id LIMIT " + BATCH);
             ResultSet r = s.executeQuery()) {
            List<Pending> out = new ArrayList<>();
            while (r.next()) {
                out.add(new Pending(r.getLong(1), r.getString(2), r.getString(3)));
            }
            return out;
        }
    }

    private void delete(long id) throws SQLException {
        try (Connection c = database.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM outbox_message WHERE id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }
}
