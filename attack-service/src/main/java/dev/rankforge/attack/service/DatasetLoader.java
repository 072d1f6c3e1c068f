package dev.rankforge.attack.service;

import dev.rankforge.core.artifact.LocalArtifactStore;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SequenceFile;
import dev.rankforge.service.problem.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads sequence artifacts from the artifact store; a missing one is the request's fault. */
@ApplicationScoped
public class DatasetLoader {
    private final LocalArtifactStore artifacts;

    public DatasetLoader(LocalArtifactStore artifacts) {
        this.artifacts = artifacts;
    }

    /** @param field the request field that named the artifact */
    public SequenceDataset load(String uri, String field) {
        java.nio.file.Path path;
        try {
            path = artifacts.resolve(uri);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, e.getMessage());
        }
        if (!java.nio.file.Files.isRegularFile(path)) {
            throw new InvalidRequestException(field, "artifact " + uri + " does not exist");
        }
        try (InputStream in = artifacts.open(uri)) {
            return SequenceFile.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + uri, e);
        }
    }
}
