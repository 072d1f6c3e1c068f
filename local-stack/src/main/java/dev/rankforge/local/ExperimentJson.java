package dev.rankforge.local;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading the services' JSON views: an experiment's step by name, and how many list items carry a value. */
public final class ExperimentJson {
    private ExperimentJson() {
    }

    /** The step named {@code name} of an experiment view. */
    public static JsonNode step(JsonNode experiment, String name) {
        for (JsonNode s : experiment.path("steps")) {
            if (s.path("name").asText().equals(name)) {
                return s;
            }
        }
        throw new IllegalStateException("no step " + name + " in experiment " + experiment.path("id").asText());
    }

    /** How many items of a JSON list have {@code field} equal to {@code value}. */
    public static long count(JsonNode list, String field, String value) {
        long n = 0;
        for (JsonNode item : list) {
            n += item.path(field).asText().equals(value) ? 1 : 0;
        }
        return n;
    }
}
