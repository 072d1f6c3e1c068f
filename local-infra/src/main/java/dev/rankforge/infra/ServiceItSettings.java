package dev.rankforge.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * Quarkus test resource: the settings a deployment gives a packaged service by environment, for the
 * {@code *ServiceIT} integration tests — a bootstrap admin key ({@link #ADMIN_KEY}), a local artifact directory
 * the test can write into too ({@link #ARTIFACTS}), plain-text logs.
 */
public final class ServiceItSettings implements QuarkusTestResourceLifecycleManager {
    /** The bootstrap admin key the service is started with. */
    public static final String ADMIN_KEY = "rfk_it-admin-key";
    /** The service's artifact root (the module's {@code target/it-artifacts}). */
    public static final Path ARTIFACTS = Path.of("target/it-artifacts").toAbsolutePath();

    @Override
    public Map<String, String> start() {
        return Map.of("rankforge.auth.admin-key", ADMIN_KEY, "rankforge.artifacts.root", ARTIFACTS.toString(),
                "quarkus.log.console.json.enabled", "false");
    }

    @Override
    public void stop() {
    }
}
