package dev.rankforge.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** Renders a finished experiment (its view and its stored results) as the terminal summary of a run. */
public final class ResultsTable {
    private ResultsTable() {
    }

    public static String render(JsonNode experiment, JsonNode results) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nExperiment %s  '%s'  %s%n", experiment.path("id").asText(),
                experiment.path("name").asText(), experiment.path("status").asText()));
        for (JsonNode step : experiment.path("steps")) {
            out.append(String.format(Locale.ROOT, "  %-28s %-9s %-10s %s%n", step.path("name").asText(),
                    step.path("kind").asText(), step.path("status").asText(),
                    step.hasNonNull("error") ? step.path("error").asText() : ""));
        }
        boolean header = false;
        for (JsonNode r : results) {
            if (!r.path("kind").asText().equals("evaluate") || r.path("k").asInt() != 10
                    || !(r.path("metric").asText().equals("ndcg") || r.path("metric").asText().equals("agreement"))) {
                continue;
            }
            if (!header) {
                out.append(String.format(Locale.ROOT, "%nEvaluation (test split; every number names its protocol)%n"));
                out.append(String.format(Locale.ROOT, "  %-24s %-28s %-14s %9s%n", "step", "model", "protocol", "value"));
                header = true;
            }
            out.append(String.format(Locale.ROOT, "  %-24s %-28s %-14s %9.4f  %s@10%n", r.path("step").asText(),
                    r.path("subject").asText(), r.path("protocol").asText(), r.path("value").asDouble(),
                    r.path("metric").asText()));
        }
        for (JsonNode step : experiment.path("steps")) {
            JsonNode o = step.path("output");
            if (!step.path("kind").asText().equals("attack") || !o.isObject()) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "%nAttack %s: %s with %s (needs %s; %d targets; %d black-box queries)%n",
                    step.path("name").asText(), o.path("method").asText(), o.path("chooser").asText(),
                    o.path("knowledge").asText(), o.path("targets").size(), o.path("queries").asLong()));
            out.append(String.format(Locale.ROOT, "  %-34s %9s %9s%n", "mean over targets", "before", "after"));
            o.path("meanBefore").fields().forEachRemaining(protocol -> protocol.getValue().fields().forEachRemaining(m ->
                    out.append(String.format(Locale.ROOT, "  %-34s %9.4f %9.4f%n", m.getKey() + " (" + protocol.getKey() + ")",
                            m.getValue().asDouble(), o.path("meanAfter").path(protocol.getKey()).path(m.getKey()).asDouble()))));
        }
        return out.toString();
    }
}
