package dev.rankforge.data.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A dataset version as the API shows it: how it was made ({@code spec}: generator settings, or format and
 * preprocessing), its statistics (sequence-length percentiles, item-popularity Gini, lines read and skipped) and
 * its artifacts (sequences, and for uploads the original ↔ dense id maps), and the team that owns it.
 */
public record DatasetView(UUID id, String name, String source, JsonNode spec, int users, int items,
                          long interactions, double density, Map<String, Object> statistics, String artifactUri, String sha256,
                          String idMapsUri, UUID baseDatasetId, Instant createdAt, String team) {
}
