package dev.rankforge.service.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Keys every service accepts besides the stored API keys. Environment: {@code RANKFORGE_AUTH_ADMIN_KEY} (the
 * bootstrap admin, e.g. from a Kubernetes Secret; {@code ./rankforge up} generates one and prints it) and
 * {@code RANKFORGE_AUTH_SERVICE_KEY} (what services send one another, role researcher).
 */
@ConfigMapping(prefix = "rankforge.auth")
public interface AuthConfig {
    Optional<String> adminKey();

    Optional<String> serviceKey();

    /** The claim of an OIDC bearer token that names the caller's team. */
    @WithDefault("team")
    String teamClaim();

    /** How long a verified stored key is trusted before it is looked up again (so a revocation takes this long). */
    @WithDefault("30s")
    Duration cacheFor();
}
