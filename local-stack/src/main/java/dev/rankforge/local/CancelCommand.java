package dev.rankforge.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rankforge cancel ID}: cancels a running experiment (queued steps never start, running jobs are stopped). */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a running experiment.")
public final class CancelCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "An experiment id.")
    String id;

    @Mixin
    StackConnection connection;

    @Override
    public Integer call() throws Exception {
        try {
            JsonNode e = connection.client().postJson(connection.evalUrl() + "/experiments/" + id + "/cancel", "{}");
            System.out.println("Experiment " + id + " " + e.path("status").asText());
            return 0;
        } catch (RankforgeClient.ApiException e) {
            if (e.status() == 409) {
                System.out.println("Experiment " + id + " had already ended: " + e.body().path("status").asText());
                return 1;
            }
            throw e;
        }
    }
}
