package dev.rankforge.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Follows a submitted experiment to its end, printing a progress line whenever a running step moves (a bar over
 * its epochs or targets, its figures, the time left estimated by eval-service) and a line when a step ends.
 * With a time limit it cancels the experiment when the limit passes.
 */
public final class ExperimentFollower {
    private static final int BAR = 20;
    private final RankforgeClient client;
    private final String evalUrl;
    private final PrintStream out;

    public ExperimentFollower(RankforgeClient client, String evalUrl, PrintStream out) {
        this.client = client;
        this.evalUrl = evalUrl;
        this.out = out;
    }

    /** Polls until the experiment ended; {@code limit} zero or negative = no limit. Returns the final view. */
    public JsonNode follow(String id, Duration limit) throws IOException, InterruptedException {
        long deadline = limit.isZero() || limit.isNegative() ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
        Map<String, String> lastLine = new HashMap<>();
        Map<String, String> lastStatus = new HashMap<>();
        boolean warnedLong = false;
        while (true) {
            JsonNode experiment = client.get(evalUrl + "/experiments/" + id);
            for (JsonNode step : experiment.path("steps")) {
                String name = step.path("name").asText();
                String status = step.path("status").asText();
                if (!status.equals(lastStatus.put(name, status)) && isEnd(status)) {
                    out.println("  " + endLine(step));
                }
                if (status.equals("RUNNING")) {
                    String line = progressLine(step);
                    if (!line.equals(lastLine.put(name, line))) {
                        out.println("  " + line + timeLeft(step));
                    }
                    if (!warnedLong && step.path("secondsLeft").asLong(0) > 3600) {
                        warnedLong = true;
                        out.println("  note: step " + name + " alone needs about " + duration(step.path("secondsLeft").asLong())
                                + " more; stop with Ctrl-C, or bound the run with --max-minutes");
                    }
                }
            }
            String status = experiment.path("status").asText();
            if (isEnd(status)) {
                return experiment;
            }
            if (System.nanoTime() > deadline) {
                out.println("  time limit of " + limit.toMinutes() + " min (--max-minutes) reached: cancelling experiment " + id);
                client.postJson(evalUrl + "/experiments/" + id + "/cancel", "{}");
                return client.get(evalUrl + "/experiments/" + id);
            }
            Thread.sleep(1000);
        }
    }

    private static boolean isEnd(String status) {
        return status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("CANCELLED");
    }

    /** e.g. {@code [victim] train [████████░░░░] 8/20 epochs  loss 4.1023  ndcg@10 0.2140  5400/s}. */
    static String progressLine(JsonNode step) {
        StringBuilder line = new StringBuilder("[" + step.path("name").asText() + "] " + step.path("kind").asText());
        JsonNode p = step.path("progress");
        int done = p.path("done").asInt(0);
        int total = p.path("total").asInt(0);
        double partial = p.path("partial").asDouble(0);
        if (total > 0 && done + partial > 0) {
            int filled = (int) Math.round(BAR * Math.min(1.0, (done + partial) / total));
            line.append(" [").append("█".repeat(filled)).append("░".repeat(BAR - filled)).append("] ")
                    .append(done).append('/').append(total).append(' ').append(p.path("unit").asText());
            if (partial > 0) {
                line.append(String.format(Locale.ROOT, " (epoch %d: %.0f%%)", done + 1, 100 * partial));
            }
        } else if (p.path("queriesSpent").asLong(0) > 0) {
            line.append(" querying the black box");
        } else {
            line.append(" starting");
        }
        if (p.hasNonNull("loss")) {
            line.append(String.format(Locale.ROOT, "  loss %.4f", p.path("loss").asDouble()));
        }
        if (p.hasNonNull("validationScore") && p.hasNonNull("validationMetric")) {
            line.append(String.format(Locale.ROOT, "  %s %.4f", p.path("validationMetric").asText(),
                    p.path("validationScore").asDouble()));
        }
        if (p.hasNonNull("rate") && p.path("rate").asDouble() > 0) {
            line.append(String.format(Locale.ROOT, "  %.0f/s", p.path("rate").asDouble()));
        }
        if (p.path("queriesSpent").asLong(0) > 0) {
            line.append("  ").append(p.path("queriesSpent").asLong()).append(" queries");
        }
        if (p.hasNonNull("stage")) {
            line.append("  ").append(p.path("stage").asText().toLowerCase(Locale.ROOT));
        }
        return line.toString();
    }

    private static String timeLeft(JsonNode step) {
        return step.hasNonNull("secondsLeft") ? "  ~" + duration(step.path("secondsLeft").asLong()) + " left" : "";
    }

    private static String endLine(JsonNode step) {
        String name = step.path("name").asText();
        String status = step.path("status").asText();
        String mark = status.equals("SUCCEEDED") ? "✓" : "✗";
        StringBuilder line = new StringBuilder(mark + " " + name + " " + status.toLowerCase(Locale.ROOT));
        JsonNode o = step.path("output");
        if (o.hasNonNull("validationMetric") && o.hasNonNull("validationScore")) {
            line.append(String.format(Locale.ROOT, ": validation %s %.4f", o.path("validationMetric").asText(),
                    o.path("validationScore").asDouble()));
        }
        if (step.hasNonNull("error")) {
            line.append(": ").append(step.path("error").asText());
        }
        return line.toString();
    }

    static String duration(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds / 60 % 60)
                : seconds >= 60 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
    }
}
