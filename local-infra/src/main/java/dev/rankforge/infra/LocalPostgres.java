package dev.rankforge.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server started from Maven-shipped binaries (no Docker, no network), with one database
 * per service. User and password are {@code postgres}.
 */
public final class LocalPostgres implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server on a free port.
     *
     * @param dataDirectory where the cluster lives (wiped first); {@code null} for a temporary directory
     */
    public static LocalPostgres start(Path dataDirectory) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setCleanDataDirectory(true);
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory);
        }
        return new LocalPostgres(builder.start());
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
    public void close() throws IOException {
        postgres.close();
    }
}
