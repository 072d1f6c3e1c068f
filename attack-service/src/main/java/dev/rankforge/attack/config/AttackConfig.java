package dev.rankforge.attack.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * attack-service settings (environment prefix {@code RANKFORGE_ATTACK_}). The victim's black-box API base
 * URL is the REST client's: {@code QUARKUS_REST_CLIENT_VICTIM_URL}.
 */
@ConfigMapping(prefix = "rankforge.attack")
public interface AttackConfig {
    /** Concurrent attack jobs. */
    @WithDefault("1")
    int workers();

    /** Histories sent per black-box batch call. */
    @WithDefault("500")
    int queryBatchSize();
}
