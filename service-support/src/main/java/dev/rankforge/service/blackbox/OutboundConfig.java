package dev.rankforge.service.blackbox;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * Hosts a service may query as black boxes beside our own API (environment {@code RANKFORGE_OUTBOUND_ALLOW},
 * comma-separated; see {@link OutboundPolicy} for the entry forms). Empty: our own black-box API only.
 */
@ConfigMapping(prefix = "rankforge.outbound")
public interface OutboundConfig {
    Optional<List<String>> allow();
}
