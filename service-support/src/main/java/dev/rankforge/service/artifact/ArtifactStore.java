package dev.rankforge.service.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Content-addressed, immutable storage of artifacts (datasets, models, query sets, id maps): an artifact's identity
 * is the sha256 of its bytes, so storing the same bytes twice yields the same artifact and a reader can check what
 * it read. Two implementations, chosen by {@code RANKFORGE_ARTIFACTS_STORE}: a local directory
 * ({@link LocalArtifactStore}, one machine) and an S3-compatible bucket ({@link S3ArtifactStore}, the fleet).
 * Every method refuses a URI of another store with {@link IllegalArgumentException}.
 */
public interface ArtifactStore {
    /** Something that writes an artifact's bytes. */
    @FunctionalInterface
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Stores the bytes {@code writer} produces under {@code kind} (a folder name such as {@code datasets}) with
     * {@code suffix} (such as {@code .rfsq}); never holds the whole artifact in memory, and publishes it only complete.
     */
    StoredArtifact put(String kind, String suffix, Writer writer) throws IOException;

    /**
     * Opens an artifact for reading ({@link java.nio.file.NoSuchFileException} when absent). The S3 store checks the
     * bytes against the artifact's sha256 as they are read: a reader reaching the end of a corrupted object gets an
     * {@link IOException}.
     */
    InputStream open(String uri) throws IOException;

    /** Whether the artifact is stored. */
    boolean exists(String uri) throws IOException;

    /** Removes the artifact; removing one that is absent is harmless. */
    void delete(String uri) throws IOException;

    /** Refuses kinds and suffixes that would not make a plain, portable object name. */
    static void checkName(String kind, String suffix) {
        if (!kind.matches("[a-z][a-z0-9-]*") || !suffix.matches("(\\.[a-z0-9]+)*")) {
            throw new IllegalArgumentException("bad artifact kind or suffix: " + kind + ", " + suffix);
        }
    }
}
