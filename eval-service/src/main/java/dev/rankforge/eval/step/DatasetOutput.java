package dev.rankforge.eval.step;

import java.util.UUID;

/** Output of a {@code dataset} step: the stored dataset version later steps read. */
public record DatasetOutput(UUID datasetId, String artifactUri, Integer users, Integer items, Long interactions) {
}
