package dev.rankforge.attack.service;

import dev.rankforge.service.artifact.ArtifactStore;
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
    private final ArtifactStore artifacts;

    public DatasetLoader(ArtifactStore artifacts) {
        this.artifacts = artifacts;
    }

    /** @param field the request field that named the artifact */
    public SequenceDataset load(String uri, String field) {
        boolean stored;
        try {
            stored = artifacts.exists(uri);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look up " + uri, e);
        }
        if (!stored) {
            throw new InvalidRequestException(field, "artifact " + uri + " does not exist");
        }
        try (InputStream in = artifacts.open(uri)) {
            return SequenceFile.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + uri, e);
        }
    }
}
