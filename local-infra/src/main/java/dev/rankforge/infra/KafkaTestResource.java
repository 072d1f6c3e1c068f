package dev.rankforge.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Quarkus test resource: a real single-node Kafka broker (every contract topic created) for tests that run a
 * service as it is built — {@code @QuarkusIntegrationTest}s of the packaged jar or native binary, whose Kafka
 * channels cannot be swapped for in-memory ones.
 */
public final class KafkaTestResource implements QuarkusTestResourceLifecycleManager {
    /** The running broker's address, for a test's own clients (test resources run in the test's JVM). */
    private static volatile String bootstrapServers;
    private LocalKafka kafka;

    public static String bootstrapServers() {
        if (bootstrapServers == null) {
            throw new IllegalStateException("no KafkaTestResource is running");
        }
        return bootstrapServers;
    }

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("rankforge-kafka-it");
            kafka = LocalKafka.start(dir);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded Kafka broker", e);
        }
        bootstrapServers = kafka.bootstrapServers();
        return Map.of("kafka.bootstrap.servers", bootstrapServers);
    }

    @Override
    public void stop() {
        if (kafka != null) {
            try {
                kafka.close();
                bootstrapServers = null;
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop the embedded Kafka broker", e);
            }
        }
    }
}
