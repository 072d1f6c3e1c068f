package dev.rankforge.service.artifact;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where artifacts live. Environment: {@code RANKFORGE_ARTIFACTS_ROOT}. */
@ConfigMapping(prefix = "rankforge.artifacts")
public interface ArtifactsConfig {
    /** Root directory of the local artifact store; shared by all services on one machine. */
    @WithDefault(".rankforge/artifacts")
    String root();
}
