package dev.rankforge.data.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A dataset version as the API shows it. */
public record DatasetView(UUID id, String name, String source, JsonNode spec, int users, int items,
                          long interactions, double density, String artifactUri, String sha256,
                          Instant createdAt) {
}
