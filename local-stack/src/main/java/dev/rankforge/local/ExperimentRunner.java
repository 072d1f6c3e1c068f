package dev.rankforge.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/** Submits an experiment to eval-service and follows it to the end, reporting a progress line per change. */
public final class ExperimentRunner {
    private final RankforgeClient client;
    private final String evalUrl;

    public ExperimentRunner(RankforgeClient client, String evalUrl) {
        this.client = client;
        this.evalUrl = evalUrl;
    }

    /** Runs the plan and returns the final experiment view; throws if it does not finish within the timeout. */
    public JsonNode run(Object plan, Duration timeout, Consumer<String> progress)
            throws IOException, InterruptedException {
        String id = client.postJson(evalUrl + "/experiments", plan).path("id").asText();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            JsonNode experiment = client.get(evalUrl + "/experiments/" + id);
            String line = progressLine(experiment);
            if (!line.equals(last)) {
                progress.accept(line);
                last = line;
            }
            String status = experiment.path("status").asText();
            if (!status.equals("RUNNING") && !status.equals("QUEUED")) {
                return experiment;
            }
            Thread.sleep(500);
        }
        throw new IOException("experiment " + id + " did not finish within " + timeout.toMinutes() + " min");
    }

    /** e.g. {@code [TRAIN] epoch 3/25  loss 4.1023  val ndcg@10 0.2140  5400 seq/s}. */
    static String progressLine(JsonNode experiment) {
        for (JsonNode step : experiment.path("steps")) {
            if (step.path("status").asText().equals("RUNNING")) {
                JsonNode d = step.path("detail");
                if (step.path("name").asText().equals("TRAIN") && d.path("epoch").isInt()) {
                    return String.format(Locale.ROOT, "[TRAIN] epoch %d/%d  loss %.4f  val ndcg@10 %.4f  %.0f seq/s",
                            d.path("epoch").asInt(), d.path("epochs").asInt(), d.path("loss").asDouble(),
                            d.path("validationNdcg10").asDouble(), d.path("sequencesPerSecond").asDouble());
                }
                return "[" + step.path("name").asText() + "] running";
            }
        }
        return "[" + experiment.path("status").asText() + "]";
    }
}
