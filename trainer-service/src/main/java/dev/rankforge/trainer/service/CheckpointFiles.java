package dev.rankforge.trainer.service;

import dev.rankforge.service.artifact.ArtifactsConfig;
import dev.rankforge.core.train.TrainingCheckpoint;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/**
 * A job's latest end-of-epoch checkpoint, one file per job under {@code <artifacts root>/checkpoints} (a local
 * directory whichever store holds the artifacts). Written to a
 * temporary file and moved into place atomically, so a kill during the write leaves the previous checkpoint.
 */
@ApplicationScoped
public class CheckpointFiles {
    private final Path directory;

    public CheckpointFiles(ArtifactsConfig artifacts) {
        this.directory = Path.of(artifacts.root()).resolve("checkpoints");
    }

    public void save(UUID jobId, TrainingCheckpoint checkpoint) {
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, jobId + "-", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    checkpoint.write(out);
                }
                move(temporary, file(jobId));
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint of job " + jobId, e);
        }
    }

    public Optional<TrainingCheckpoint> load(UUID jobId) {
        Path file = file(jobId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(TrainingCheckpoint.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint of job " + jobId + " at " + file, e);
        }
    }

    public void delete(UUID jobId) {
        try {
            Files.deleteIfExists(file(jobId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the checkpoint of job " + jobId, e);
        }
    }

    private Path file(UUID jobId) {
        return directory.resolve(jobId + ".rfck");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
