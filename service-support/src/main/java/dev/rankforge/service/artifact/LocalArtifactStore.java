package dev.rankforge.service.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Content-addressed artifact store on a local directory: {@code <root>/<kind>/<sha256><suffix>}.
 * Writes go to a temporary file first and are published by an atomic rename, so a reader never sees a
 * half-written artifact; storing the same bytes twice yields the same artifact.
 */
public final class LocalArtifactStore implements ArtifactStore {
    private final Path root;

    public LocalArtifactStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create artifact root " + this.root, e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public StoredArtifact put(String kind, String suffix, Writer writer) throws IOException {
        ArtifactStore.checkName(kind, suffix);
        Path dir = Files.createDirectories(root.resolve(kind));
        Path tmp = Files.createTempFile(dir, ".incoming-", ".tmp");
        try {
            long size;
            String sha;
            try (OutputStream file = Files.newOutputStream(tmp);
                 HashingOutputStream out = new HashingOutputStream(file)) {
                writer.write(out);
                out.flush();
                size = out.count();
                sha = out.sha256Hex();
            }
            Path target = dir.resolve(sha + suffix);
            if (!Files.exists(target)) {
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                    // A concurrent writer published the same content first; theirs is identical.
                }
            }
            return new StoredArtifact(target.toUri().toString(), sha, size);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Opens an artifact for reading. Only {@code file:} URIs under this store's root are accepted. */
    @Override
    public InputStream open(String uri) throws IOException {
        return Files.newInputStream(resolve(uri));
    }

    @Override
    public boolean exists(String uri) {
        return Files.isRegularFile(resolve(uri));
    }

    @Override
    public void delete(String uri) throws IOException {
        Files.deleteIfExists(resolve(uri));
    }

    /** Maps an artifact URI to its file, refusing anything outside the store's root. */
    public Path resolve(String uri) {
        URI parsed = URI.create(uri);
        if (!"file".equals(parsed.getScheme())) {
            throw new IllegalArgumentException("unsupported artifact URI scheme: " + uri);
        }
        Path path = Path.of(parsed).toAbsolutePath().normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("artifact URI outside the store: " + uri);
        }
        return path;
    }
}
