package dev.rankforge.data.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** data-service settings (environment prefix {@code RANKFORGE_DATA_}). */
@ConfigMapping(prefix = "rankforge.data")
public interface DataServiceConfig {
    /** Default minimum interactions per item for uploads (single pass, as in the paper). */
    @WithDefault("5")
    int minItemInteractions();

    /** Default minimum interactions per user for uploads (after the item filter). */
    @WithDefault("5")
    int minUserInteractions();

    /** Largest upload accepted, in bytes as sent (compressed or not); larger ones get 413. */
    @WithDefault("4294967296")
    long maxUploadBytes();

    /** The only folder server-side imports may read from (absent = server-side import disabled). */
    Optional<Path> importRoot();

    /** Largest synthetic dataset accepted, in users. */
    @WithDefault("200000")
    int maxSyntheticUsers();
}
