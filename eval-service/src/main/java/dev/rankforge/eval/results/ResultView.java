package dev.rankforge.eval.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One stored number as the API shows it; see {@link ExperimentResult} for the fields. */
public record ResultView(UUID experimentId, String experiment, String step, String kind, String subject, UUID modelId,
                         String metric, Integer k, String protocol, String split, double value, UUID datasetId,
                         Long seed, Map<String, JsonNode> bindings, List<String> lineage, Instant recordedAt) {
}
