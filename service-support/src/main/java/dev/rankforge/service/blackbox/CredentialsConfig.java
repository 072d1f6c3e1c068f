package dev.rankforge.service.blackbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where {@link Credentials} are read from. Environment: {@code RANKFORGE_CREDENTIALS_DIR}. */
@ConfigMapping(prefix = "rankforge.credentials")
public interface CredentialsConfig {
    /** One file per credential, named as requests name it. */
    @WithDefault(".rankforge/credentials")
    String dir();
}
