package dev.rankforge.data.service;

import dev.rankforge.data.config.DataServiceConfig;
import dev.rankforge.service.problem.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The server-side files a researcher may import: regular files under {@code RANKFORGE_DATA_IMPORT_ROOT} only (no
 * root, no import). Anything else is refused with a 400 naming the request's {@code path}.
 */
@ApplicationScoped
public class ImportRoot {
    private final Optional<Path> root;

    public ImportRoot(DataServiceConfig config) {
        this.root = config.importRoot().map(p -> p.toAbsolutePath().normalize());
    }

    /** The file {@code requested} (relative to the root) names. */
    public Path file(String requested) {
        Path base = root.orElseThrow(() -> new InvalidRequestException("path",
                "server-side import is disabled (set RANKFORGE_DATA_IMPORT_ROOT)"));
        Path file;
        try {
            file = base.resolve(requested).normalize();
        } catch (InvalidPathException e) {
            throw new InvalidRequestException("path", "is not a valid path");
        }
        if (!file.startsWith(base)) {
            throw new InvalidRequestException("path", "leaves the import root");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidRequestException("path", "no such file under the import root");
        }
        return file;
    }
}
