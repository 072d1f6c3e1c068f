package dev.rankforge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one plan to its end: on the stack {@code rankforge up} keeps running, or on a stack started for the run
 * and stopped after it. Uploads local dataset files, submits the plan, follows it, writes the run's outputs and
 * prints the summary. Exit code 0 only when the experiment succeeded, 1 when it did not or the stack could not
 * start (a port taken), 2 when the plan was refused; 130 after Ctrl-C, once every process the run started has
 * stopped (the signal hook does that while this thread's calls fail).
 */
final class PlanRun {
    private PlanRun() {
    }

    static int execute(ObjectNode plan, Path planDir, StackOptions options, Duration limit, boolean ownStack)
            throws Exception {
        Optional<StackState> up = ownStack ? Optional.empty() : StackState.read(options.runsDir);
        if (up.isPresent()) {
            StackState state = up.get();
            System.out.println("Using the stack that is up (pid " + state.pid() + ", eval-service " + state.url("eval-service") + ")");
            Path outDir = state.runDir().resolve("experiments").resolve(
                    LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            String key = System.getenv().getOrDefault("RANKFORGE_KEY", "");
            return submitAndFollow(plan, planDir, state.urls(), key.isBlank() ? state.adminKey() : key, limit, outDir);
        }
        Path runDir;
        try {
            runDir = options.newRunFolder();
        } catch (PortCheck.PortTakenException e) {
            System.err.println("Cannot start: " + e.getMessage());
            return 1;
        }
        System.out.println("Run folder " + runDir);
        try (StopOnSignal signal = new StopOnSignal(runDir, () -> { })) {
            LocalStack stack = options.start(runDir);
            signal.started(stack);
            try {
                Map<String, String> urls = Map.of("data-service", stack.url("data-service"),
                        "trainer-service", stack.url("trainer-service"), "attack-service", stack.url("attack-service"),
                        "eval-service", stack.url("eval-service"));
                System.out.println("  services ready: data " + urls.get("data-service") + ", trainer "
                        + urls.get("trainer-service") + ", attack " + urls.get("attack-service") + ", eval "
                        + urls.get("eval-service"));
                return submitAndFollow(plan, planDir, urls, stack.adminKey(), limit, runDir);
            } catch (IOException | InterruptedException e) {
                if (signal.fired()) {
                    return 130; // the services went away under Ctrl-C: the hook is stopping them
                }
                throw e;
            } finally {
                if (!signal.fired()) {
                    System.out.println("stopping services ...");
                    stack.close();
                }
            }
        } catch (Exception e) {
            if (e instanceof PortCheck.PortTakenException) {
                System.err.println("Cannot start: " + e.getMessage());
                return 1;
            }
            throw e;
        }
    }

    private static int submitAndFollow(ObjectNode plan, Path planDir, Map<String, String> urls, String key,
                                       Duration limit, Path outDir) throws IOException, InterruptedException {
        RankforgeClient client = new RankforgeClient(key);
        PlanFile.uploadFiles(plan, planDir, client, urls.get("data-service"));
        String evalUrl = urls.get("eval-service");
        JsonNode created;
        try {
            created = client.postJson(evalUrl + "/experiments", plan);
        } catch (RankforgeClient.ApiException e) {
            if (e.status() == 400) {
                System.err.println("The plan was refused:");
                for (JsonNode error : e.body().path("errors")) {
                    System.err.println("  " + error.path("field").asText() + ": " + error.path("reason").asText());
                }
                return 2;
            }
            if (e.status() == 401 || e.status() == 403) {
                System.err.println("The plan was refused for this key (" + e.status() + "): "
                        + e.body().path("detail").asText() + " — use a key with that role (RANKFORGE_KEY)");
                return 2;
            }
            throw e;
        }
        String id = created.path("id").asText();
        System.out.println("Experiment " + id + " '" + created.path("name").asText() + "': "
                + created.path("steps").size() + " steps");
        JsonNode done = new ExperimentFollower(client, evalUrl, System.out).follow(id, limit);
        RunOutputs.write(client, evalUrl, id, done, outDir);
        System.out.println(ResultsTable.render(done, client.get(evalUrl + "/experiments/" + id + "/results")));
        System.out.println("Report: " + outDir.resolve("report.html") + "  (results.json, results.csv beside it)");
        return "SUCCEEDED".equals(done.path("status").asText()) ? 0 : 1;
    }
}
