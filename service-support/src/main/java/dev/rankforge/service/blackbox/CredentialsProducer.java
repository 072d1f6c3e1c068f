package dev.rankforge.service.blackbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;

/** Makes the configured {@link Credentials} injectable. */
@ApplicationScoped
public class CredentialsProducer {
    @Produces
    @ApplicationScoped
    Credentials credentials(CredentialsConfig config) {
        return new Credentials(Path.of(config.dir()));
    }
}
