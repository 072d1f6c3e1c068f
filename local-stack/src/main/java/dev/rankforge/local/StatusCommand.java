package dev.rankforge.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rankforge status [ID]}: the experiments of the running stack, or one experiment's steps. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "List the experiments of the running stack, or show one experiment's steps and progress.")
public final class StatusCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID", arity = "0..1", description = "An experiment id.")
    String id;

    @Mixin
    StackConnection connection;

    @Override
    public Integer call() throws Exception {
        RankforgeClient client = connection.client();
        String eval = connection.evalUrl();
        if (id == null) {
            JsonNode list = client.get(eval + "/experiments");
            if (list.isEmpty()) {
                System.out.println("No experiments yet.");
            }
            for (JsonNode e : list) {
                System.out.printf(Locale.ROOT, "%s  %-10s %-30s %s%n", e.path("id").asText(), e.path("status").asText(),
                        e.path("name").asText(), e.path("createdAt").asText());
            }
            return 0;
        }
        JsonNode e = client.get(eval + "/experiments/" + id);
        System.out.printf(Locale.ROOT, "%s '%s' %s%s%n", e.path("id").asText(), e.path("name").asText(),
                e.path("status").asText(), e.hasNonNull("error") ? ": " + e.path("error").asText() : "");
        for (JsonNode step : e.path("steps")) {
            String status = step.path("status").asText();
            String detail = status.equals("RUNNING") ? ExperimentFollower.progressLine(step)
                    : step.hasNonNull("error") ? step.path("error").asText() : "";
            System.out.printf(Locale.ROOT, "  %-28s %-9s %-10s %s%n", step.path("name").asText(), step.path("kind").asText(),
                    status, detail);
        }
        return 0;
    }
}
