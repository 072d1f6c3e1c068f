package dev.rankforge.service.blackbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Secrets a service sends to the black boxes it queries, kept out of requests, messages and rows: a request names a
 * credential ({@code authCredential}), and only the querying service reads its value, from one file per credential
 * in a directory ({@code RANKFORGE_CREDENTIALS_DIR}; in a cluster, a mounted Kubernetes Secret). Read each time a
 * client is opened, so a rotated secret takes effect for the next job without a restart.
 */
public final class Credentials {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final Path dir;

    public Credentials(Path dir) {
        this.dir = dir;
    }

    /** Whether a credential may be named so (letters, digits, {@code . _ -}; no paths). */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Where the credentials are read from, for error messages. */
    public Path dir() {
        return dir;
    }

    public boolean has(String name) {
        return isValidName(name) && Files.isRegularFile(dir.resolve(name));
    }

    /**
     * The secret named {@code name}, without its trailing line break.
     *
     * @throws IllegalStateException when there is none (removed since the request was accepted)
     */
    public String value(String name) {
        if (!has(name)) {
            throw new IllegalStateException("credential '" + name + "' is not in " + dir);
        }
        try {
            return Files.readString(dir.resolve(name), StandardCharsets.UTF_8).stripTrailing();
        } catch (IOException e) {
            throw new UncheckedIOException("credential '" + name + "' cannot be read", e);
        }
    }
}
