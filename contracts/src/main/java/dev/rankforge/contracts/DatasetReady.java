package dev.rankforge.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Published on {@link Topics#DATASET_EVENTS} when a dataset version's sequence artifact is stored and usable.
 *
 * @param artifactUri where the sequence file lives (see ranking-core's {@code SequenceFile} for the format)
 * @param sha256      content hash of the artifact
 * @param team        the owning team
 */
public record DatasetReady(
        int schemaVersion,
        UUID datasetId,
        String name,
        String artifactUri,
        String sha256,
        int users,
        int items,
        long interactions,
        Instant createdAt,
        String team) implements KeyedMessage {
    @Override
    public String messageKey() {
        return String.valueOf(datasetId);
    }
}
