package dev.rankforge.data.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** data-service settings (environment prefix {@code RANKFORGE_DATA_}). */
@ConfigMapping(prefix = "rankforge.data")
public interface DataServiceConfig {
    /** Items with fewer interactions are dropped from uploaded files (single pass, as in the paper). */
    @WithDefault("5")
    int minItemInteractions();

    /** Users with fewer interactions (after the item filter) are dropped from uploaded files. */
    @WithDefault("5")
    int minUserInteractions();

    /** Largest synthetic dataset accepted, in users. */
    @WithDefault("200000")
    int maxSyntheticUsers();
}
