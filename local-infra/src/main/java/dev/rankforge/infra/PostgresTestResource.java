package dev.rankforge.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Quarkus test resource: a fresh embedded PostgreSQL for a service's {@code @QuarkusTest}s, wired in through
 * the datasource properties.
 */
public final class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    private static final String DATABASE = "service_test";
    private LocalPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            postgres = LocalPostgres.start(null).createDatabases(DATABASE);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE),
                "quarkus.datasource.username", LocalPostgres.USER,
                "quarkus.datasource.password", LocalPostgres.PASSWORD);
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
