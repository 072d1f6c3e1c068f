package dev.rankforge.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server started from Maven-shipped binaries (no Docker, no network), with one database
 * per service. User and password are {@code postgres}.
 */
public final class LocalPostgres implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final Path dataDirectory;
    private volatile EmbeddedPostgres postgres;

    private LocalPostgres(Path dataDirectory, EmbeddedPostgres postgres) {
        this.dataDirectory = dataDirectory;
        this.postgres = postgres;
    }

    /**
     * Starts a server on a free port.
     *
     * @param dataDirectory where the cluster lives (wiped first and at {@link #close()}, kept across
     *                      {@link #restart(Duration)}); {@code null} for a temporary directory
     */
    public static LocalPostgres start(Path dataDirectory) throws IOException {
        if (dataDirectory != null) {
            deleteRecursively(dataDirectory);
        }
        return new LocalPostgres(dataDirectory, server(dataDirectory, 0));
    }

    private static EmbeddedPostgres server(Path dataDirectory, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        } else {
            builder.setCleanDataDirectory(true);
        }
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /**
     * Stops the server (a fast shutdown: every session is terminated, as in a database failover), waits
     * {@code outage}, and starts it again on the same port over the same data. Needs a data directory of its own.
     */
    public synchronized void restart(Duration outage) throws IOException, InterruptedException {
        if (dataDirectory == null) {
            throw new IllegalStateException("a server on a temporary directory cannot be restarted");
        }
        int port = port();
        postgres.close();
        Thread.sleep(outage.toMillis());
        postgres = server(dataDirectory, port);
    }

    /** Creates each database if it does not exist. */
    public LocalPostgres createDatabases(String... names) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String name : names) {
                if (!name.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("bad database name " + name);
                }
                boolean exists = statement.executeQuery(
                        "SELECT 1 FROM pg_database WHERE datname = '" + name + "'").next();
                if (!exists) {
                    statement.execute("CREATE DATABASE " + name);
                }
            }
        }
        return this;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    @Override
    public synchronized void close() throws IOException {
        postgres.close();
        if (dataDirectory != null) {
            deleteRecursively(dataDirectory);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
