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
            out.append(String.format(Locale.ROOT, "%nProfile pollution (chooser %s, needs %s; %d targets; %d black-box queries)%n",
                    attack.path("chooser").asText(), attack.path("knowledge").asText(), attack.path("targets").size(),
                    attack.path("queries").asLong()));
            out.append(String.format(Locale.ROOT, "  %-34s %9s %9s%n", "mean over targets", "before", "after"));
            for (String protocol : new String[] {"full-ranking", "uniform-100"}) {
                for (String metric : new String[] {"hr@10", "ndcg@10"}) {
                    JsonNode before = attack.path("meanBefore").path(protocol).path(metric);
                    if (before.isNumber()) {
                        out.append(String.format(Locale.ROOT, "  %-34s %9.4f %9.4f%n", metric + " (" + protocol + ")",
                                before.asDouble(), attack.path("meanAfter").path(protocol).path(metric).asDouble()));
                    }
                }
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String label, JsonNode metrics) {
        out.append(String.format(Locale.ROOT, "  %-22s %9.4f %9.4f %9.4f %9.4f%n", label,
                metrics.path("ndcg@10").asDouble(), metrics.path("recall@10").asDouble(),
                metrics.path("ndcg@20").asDouble(), metrics.path("mrr").asDouble()));
    }
}
