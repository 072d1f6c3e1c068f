package dev.rankforge.service.artifact;

import dev.rankforge.core.artifact.LocalArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;

/** Makes the configured artifact store injectable. */
@ApplicationScoped
public class ArtifactStoreProducer {
    @Produces
    @ApplicationScoped
    LocalArtifactStore artifactStore(ArtifactsConfig config) {
        return new LocalArtifactStore(Path.of(config.root()));
    }
}
