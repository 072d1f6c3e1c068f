package dev.rankforge.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** Renders a finished experiment (GET /experiments/{id}) as the demo's results table. */
public final class ResultsTable {
    private ResultsTable() {
    }

    public static String render(JsonNode experiment) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nExperiment %s  '%s'  status %s%n", experiment.path("id").asText(),
                experiment.path("name").asText(), experiment.path("status").asText()));
        for (JsonNode step : experiment.path("steps")) {
            out.append(String.format(Locale.ROOT, "  %-9s %-9s %s%n", step.path("name").asText(),
                    step.path("status").asText(), step.path("error").isMissingNode() || step.path("error").isNull()
                            ? "" : step.path("error").asText()));
        }
        JsonNode evaluation = experiment.path("results").path("evaluation");
        if (evaluation.isObject()) {
            out.append(String.format(Locale.ROOT, "%nEvaluation on the test split (protocol: %s, seen items excluded, %d users)%n",
                    evaluation.path("protocol").asText(), evaluation.path("users").asInt()));
            out.append(String.format(Locale.ROOT, "  %-22s %9s %9s %9s %9s%n", "model", "NDCG@10", "Recall@10",
                    "NDCG@20", "MRR"));
            row(out, "trained victim", evaluation.path("model"));
            row(out, "popularity baseline", evaluation.path("popularity"));
        }
        JsonNode attack = experiment.path("results").path("attack");
        if (attack.isObject()) {
            int k = attack.path("k").asInt();
            out.append(String.format(Locale.ROOT, "%nProfile pollution (co-visitation items %s appended, %d users, %d black-box queries)%n",
                    attack.path("injectedItems"), attack.path("users").asInt(), attack.path("queries").asLong()));
            out.append(String.format(Locale.ROOT, "  %-22s %9s %9s%n", "target item " + attack.path("targetItem").asInt(),
                    "before", "after"));
            out.append(String.format(Locale.ROOT, "  %-22s %9.4f %9.4f%n", "HR@" + k,
                    attack.path("hitRateBefore").asDouble(), attack.path("hitRateAfter").asDouble()));
            out.append(String.format(Locale.ROOT, "  %-22s %9.4f %9.4f%n", "NDCG@" + k,
                    attack.path("ndcgBefore").asDouble(), attack.path("ndcgAfter").asDouble()));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String label, JsonNode metrics) {
        out.append(String.format(Locale.ROOT, "  %-22s %9.4f %9.4f %9.4f %9.4f%n", label,
                metrics.path("ndcg@10").asDouble(), metrics.path("recall@10").asDouble(),
                metrics.path("ndcg@20").asDouble(), metrics.path("mrr").asDouble()));
    }
}
