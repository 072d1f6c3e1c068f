package dev.rankforge.attack.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * attack-service settings (environment prefix {@code RANKFORGE_ATTACK_}). trainer-service's registry is reached
 * through the REST client {@code trainer} ({@code QUARKUS_REST_CLIENT_TRAINER_URL}).
 */
@ConfigMapping(prefix = "rankforge.attack")
public interface AttackConfig {
    /** Concurrent attack jobs. */
    @WithDefault("1")
    int workers();

    /** How long a poisoning job waits for each retrain of the victim before it fails. */
    @WithDefault("PT24H")
    java.time.Duration retrainTimeout();

    /** Base URL of trainer-service's black-box API, for victims named by {@code modelId}. */
    @WithDefault("http://localhost:8082")
    String trainerUrl();
}
