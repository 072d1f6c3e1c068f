package dev.rankforge.eval.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/**
 * eval-service settings (environment prefix {@code RANKFORGE_EVAL_}). data-service's base URL is the REST
 * client's: {@code QUARKUS_REST_CLIENT_DATA_SERVICE_URL}.
 */
@ConfigMapping(prefix = "rankforge.eval")
public interface EvalConfig {
    /** Concurrent evaluation jobs. */
    @WithDefault("1")
    int workers();

    /** Cut-offs reported for every metric. */
    @WithDefault("5,10,20")
    List<Integer> ks();

    /** Test users evaluated (0 = all). */
    @WithDefault("0")
    int maxUsers();
}
