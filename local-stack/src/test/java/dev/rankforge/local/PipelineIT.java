package dev.rankforge.local;

import static dev.rankforge.local.ExperimentJson.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The four services as separate processes over a real Kafka broker and a real PostgreSQL: the paper's pipeline as
 * one plan, kill -9 resumes (trainer, attack and eval services), and each service's operational endpoints and
 * error shape.
 */
class PipelineIT {
    private static LocalStack stack;
    private static RankforgeClient client;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        Path home = Path.of(System.getProperty("rankforge.home", "..")).toAbsolutePath().normalize();
        // A fresh folder per run: Kafka refuses a log directory formatted for another cluster.
        Path runDir = Path.of("target/it-run-" + System.currentTimeMillis()).toAbsolutePath();
        stack = LocalStack.start(home, runDir, ServicePorts.free(), 2, s -> { });
        client = new RankforgeClient(stack.adminKey());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void thePapersPipelineRunsAsOnePlanAcrossTheServices() throws Exception {
        String eval = stack.url("eval-service");
        JsonNode plan = JSON.readTree("""
                {"name": "pipeline-it", "steps": {
                  "data":      {"kind": "dataset", "synthetic": {"users": 800, "items": 200, "meanLength": 15, "seed": 3}},
                  "victim":    {"kind": "train", "dataset": "data", "architecture": "gru4rec",
                                "params": {"epochs": 15, "embeddingSize": 32, "hiddenSize": 32, "learningRate": 0.005,
                                           "maxLength": 20, "batchSize": 64}},
                  "surrogate": {"kind": "extract", "dataset": "data", "victim": "victim", "architecture": "gru4rec",
                                "params": {"epochs": 6, "embeddingSize": 32, "hiddenSize": 32, "learningRate": 0.005,
                                           "maxLength": 20, "batchSize": 64},
                                "extraction": {"sequences": 150, "length": 20}, "distillation": {"listLength": 50}},
                  "evaluate":  {"kind": "evaluate", "dataset": "data", "models": ["victim", "surrogate"],
                                "protocols": ["full-ranking", "uniform-100"], "ks": [10], "fidelity": [["victim", "surrogate"]]},
                  "pollution": {"kind": "attack", "method": "pollution", "dataset": "data", "victim": "victim",
                                "params": {"chooser": "co-visitation", "targetCount": 3, "maxUsers": 200, "slots": 4}}}}""");
        // Pollution here uses co-visitation, whose effect on a victim this small is large and stable; the gradient
        // choosers' effect through a surrogate is measured in attack-service's flow test and the ML-1M bench.
        String id = client.postJson(eval + "/experiments", plan).path("id").asText();
        JsonNode experiment = new ExperimentFollower(client, eval, new java.io.PrintStream(
                java.io.OutputStream.nullOutputStream())).follow(id, Duration.ofMinutes(10));

        assertThat(experiment.path("status").asText()).as(experiment.toString()).isEqualTo("SUCCEEDED");
        JsonNode results = client.get(eval + "/experiments/" + id + "/results");
        assertThat(value(results, "victim", "ndcg", "full-ranking"))
                .as("the victim beats popularity").isGreaterThan(value(results, "popularity", "ndcg", "full-ranking"));
        assertThat(value(results, "victim~surrogate", "agreement", "fidelity"))
                .as("the surrogate agrees with its victim far beyond chance (10 of ~190 unseen items)").isGreaterThan(0.2);
        JsonNode attack = step(experiment, "pollution").path("output");
        assertThat(attack.path("meanAfter").path("full-ranking").path("hr@10").asDouble())
                .isGreaterThan(attack.path("meanBefore").path("full-ranking").path("hr@10").asDouble());
        assertThat(attack.path("meanAfter").path("uniform-100").path("ndcg@10").isNumber())
                .as("the sampled protocol through the black box's rank call").isTrue();
        long users = 0;
        for (JsonNode target : attack.path("targets")) {
            users += target.path("users").asLong();
        }
        assertThat(attack.path("targets").size()).isEqualTo(3);
        assertThat(attack.path("queries").asLong()).as("4 calls per user and target").isEqualTo(4 * users);

        // The trained model is registered and answers as a black box.
        String modelId = step(experiment, "victim").path("output").path("modelId").asText();
        JsonNode model = client.get(stack.url("trainer-service") + "/models/" + modelId);
        assertThat(model.path("sha256").asText()).hasSize(64);
        JsonNode answer = client.postJson(stack.url("trainer-service") + "/models/" + modelId + "/recommend",
                Map.of("sequence", java.util.List.of(1, 2, 3), "k", 5));
        assertThat(answer.path("items")).hasSize(5);
        assertThat(ResultsTable.render(experiment, results)).contains("victim~surrogate");
        assertThat(client.getText(eval + "/experiments/" + id + "/report")).contains("Learning curves", "<svg");
    }

    @Test
    void evalServiceKilledMidSweepResumesWhereItStoodWithoutDuplicateJobs() throws Exception {
        String eval = stack.url("eval-service");
        String trainer = stack.url("trainer-service");
        JsonNode plan = JSON.readTree("""
                {"name": "resume-sweep", "matrix": {"seed": [1, 2]}, "steps": {
                  "data":   {"kind": "dataset", "synthetic": {"users": 500, "items": 120, "meanLength": 14, "seed": 4}},
                  "victim": {"kind": "train", "dataset": "data", "architecture": "gru4rec",
                             "params": {"epochs": 6, "embeddingSize": 32, "hiddenSize": 32, "maxLength": 20,
                                        "batchSize": 64, "learningRate": 0.005, "seed": "${seed}"}},
                  "eval":   {"kind": "evaluate", "dataset": "data", "models": ["victim"], "protocols": ["full-ranking"]}}}""");
        String id = client.postJson(eval + "/experiments", plan).path("id").asText();
        await("a first sweep point done").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(300))
                .until(() -> client.get(eval + "/experiments/" + id).path("steps").findValues("progress").stream()
                        .anyMatch(p -> p.path("done").asInt() >= 1));

        stack.killAndRestart("eval-service");

        JsonNode done = new ExperimentFollower(client, eval, new java.io.PrintStream(
                java.io.OutputStream.nullOutputStream())).follow(id, Duration.ofMinutes(8));
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        java.util.Set<String> stepJobs = new java.util.HashSet<>();
        for (JsonNode s : done.path("steps")) {
            if (s.path("kind").asText().equals("train")) {
                stepJobs.add(s.path("jobId").asText());
            }
        }
        assertThat(stepJobs).hasSize(2);
        long jobs = 0;
        for (JsonNode j : client.get(trainer + "/training-jobs")) {
            jobs += stepJobs.contains(j.path("id").asText()) ? 1 : 0;
        }
        assertThat(jobs).as("one training job per train step").isEqualTo(2);
        long models = 0;
        for (JsonNode m : client.get(trainer + "/models")) {
            models += stepJobs.contains(m.path("jobId").asText()) ? 1 : 0;
        }
        assertThat(models).as("one model per train step").isEqualTo(2);
        long datasets = 0;
        for (JsonNode d : client.get(stack.url("data-service") + "/datasets")) {
            datasets += d.path("name").asText().startsWith("resume-sweep:") ? 1 : 0;
        }
        assertThat(datasets).as("the shared dataset made once").isEqualTo(1);
    }

    private static double value(JsonNode results, String subject, String metric, String protocol) {
        for (JsonNode r : results) {
            if (r.path("subject").asText().equals(subject) && r.path("metric").asText().equals(metric)
                    && r.path("protocol").asText().equals(protocol) && r.path("k").asInt() == 10) {
                return r.path("value").asDouble();
            }
        }
        throw new AssertionError("no " + metric + "@10 (" + protocol + ") of " + subject + " in " + results);
    }

    @Test
    void everyServiceIsHealthyDocumentedMeasuredAndRefusesMalformedRequests() throws Exception {
        for (ServiceProcess service : stack.services()) {
            String base = service.baseUrl();
            assertThat(status(base + "/q/health/live")).as(service.name()).isEqualTo(200);
            assertThat(status(base + "/q/health/ready")).as(service.name()).isEqualTo(200);
            assertThat(status(base + "/q/openapi")).as(service.name()).isEqualTo(200);
            assertThat(body(base + "/q/metrics")).as(service.name()).contains("jvm_memory_used_bytes");
        }
        Map<String, String> postEndpoints = Map.of(
                "data-service", "/datasets",
                "trainer-service", "/training-jobs",
                "attack-service", "/attack-jobs",
                "eval-service", "/experiments");
        for (Map.Entry<String, String> e : postEndpoints.entrySet()) {
            String url = stack.url(e.getKey()) + e.getValue();
            assertThatThrownBy(() -> client.postJson(url, "{\"name\": 42, \"users\": \"x\"")).as(url)
                    .isInstanceOfSatisfying(RankforgeClient.ApiException.class, ex -> {
                        assertThat(ex.status()).isEqualTo(400);
                        assertThat(ex.body().path("status").asInt()).isEqualTo(400);
                        assertThat(ex.body().path("title").asText()).isNotBlank();
                    });
            assertThatThrownBy(() -> client.postJson(url, "{}")).as(url)
                    .isInstanceOfSatisfying(RankforgeClient.ApiException.class, ex -> {
                        assertThat(ex.status()).isEqualTo(400);
                        assertThat(ex.body().path("errors").size()).isPositive();
                    });
            assertThatThrownBy(() -> new RankforgeClient(null).postJson(url, "{}")).as(url + " without a key")
                    .isInstanceOfSatisfying(RankforgeClient.ApiException.class, ex ->
                            assertThat(ex.status()).isEqualTo(401));
        }
    }

    @Test
    void aKeyCreatedAtEvalServiceIsHonouredByEveryServiceWithItsRoles() throws Exception {
        JsonNode created = client.postJson(stack.url("eval-service") + "/api-keys",
                Map.of("name", "it-viewer", "team", "team-it", "roles", List.of("viewer")));
        RankforgeClient viewer = new RankforgeClient(created.path("key").asText());
        for (Map.Entry<String, String> e : Map.of("data-service", "/datasets", "trainer-service", "/training-jobs",
                "attack-service", "/attack-jobs", "eval-service", "/experiments").entrySet()) {
            String url = stack.url(e.getKey()) + e.getValue();
            assertThat(viewer.get(url).isArray()).as(url).isTrue();
            assertThatThrownBy(() -> viewer.postJson(url, "{}")).as(url + " as a viewer")
                    .isInstanceOfSatisfying(RankforgeClient.ApiException.class, ex ->
                            assertThat(ex.status()).isEqualTo(403));
        }
    }

    @Test
    void eachTeamSeesAndUsesOnlyItsOwnWorkInEveryService() throws Exception {
        String eval = stack.url("eval-service");
        RankforgeClient x = teamKey("team-x");
        RankforgeClient y = teamKey("team-y");
        String id = x.postJson(eval + "/experiments", JSON.readTree("""
                {"name": "team-x-work", "steps": {
                  "data":   {"kind": "dataset", "synthetic": {"users": 200, "items": 60, "meanLength": 8, "seed": 11}},
                  "victim": {"kind": "train", "dataset": "data", "architecture": "gru4rec",
                             "params": {"epochs": 2, "embeddingSize": 16, "hiddenSize": 16, "maxLength": 10}}}}""")).path("id").asText();
        JsonNode experiment = new ExperimentFollower(x, eval, new java.io.PrintStream(
                java.io.OutputStream.nullOutputStream())).follow(id, Duration.ofMinutes(5));
        assertThat(experiment.path("status").asText()).as(experiment.toString()).isEqualTo("SUCCEEDED");
        String datasetId = step(experiment, "data").path("output").path("datasetId").asText();
        String jobId = step(experiment, "victim").path("jobId").asText();
        String modelId = step(experiment, "victim").path("output").path("modelId").asText();
        // The training request reached trainer-service over Kafka and carried the team: the model is team X's.
        assertThat(x.get(stack.url("trainer-service") + "/models/" + modelId).path("team").asText()).isEqualTo("team-x");
        assertThat(x.get(stack.url("data-service") + "/datasets/" + datasetId).path("team").asText()).isEqualTo("team-x");

        for (String url : List.of(eval + "/experiments/" + id, eval + "/experiments/" + id + "/results",
                eval + "/experiments/" + id + "/report", stack.url("data-service") + "/datasets/" + datasetId,
                stack.url("trainer-service") + "/training-jobs/" + jobId,
                stack.url("trainer-service") + "/models/" + modelId)) {
            assertThatThrownBy(() -> y.get(url)).as(url + " for another team")
                    .isInstanceOfSatisfying(RankforgeClient.ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        }
        assertThat(y.get(eval + "/experiments").findValuesAsText("id")).doesNotContain(id);
        assertThat(y.get(eval + "/results?experiment=" + id).size()).isZero();
        // Team X's model as a victim of team Y's attack: unknown, through attack-service's own call of the registry.
        assertThatThrownBy(() -> y.postJson(stack.url("attack-service") + "/attack-jobs", Map.of("method", "pollution",
                "victim", Map.of("modelId", modelId), "datasetId", datasetId, "datasetUri", "file:/x.rfsq")))
                .isInstanceOfSatisfying(RankforgeClient.ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.body().toString()).contains("victim.modelId");
                });
        // Team X's dataset in team Y's plan: the step fails as for a version that does not exist.
        String stolen = y.postJson(eval + "/experiments", JSON.readTree("""
                {"name": "team-y-theft", "steps": {"data": {"kind": "dataset", "existing": {"id": "%s"}}}}"""
                .formatted(datasetId))).path("id").asText();
        JsonNode theft = new ExperimentFollower(y, eval, new java.io.PrintStream(
                java.io.OutputStream.nullOutputStream())).follow(stolen, Duration.ofMinutes(2));
        assertThat(theft.path("status").asText()).isEqualTo("FAILED");
        assertThat(step(theft, "data").path("error").asText()).contains("404");
    }

    @Test
    void anEventCommittedBeforeACrashIsDeliveredOnceAfterTheRestart() throws Exception {
        String eval = stack.url("eval-service");
        String trainer = stack.url("trainer-service");
        // Fault injection: trainer-service halts (as under kill -9) after committing a job's SUCCEEDED event to its
        // outbox, before sending it. Without the outbox the event would be lost: the job has ended, nothing re-runs it.
        stack.killAndRestart("trainer-service", Map.of("RANKFORGE_OUTBOX_HALT_BEFORE_SENDING", "\"status\":\"SUCCEEDED\""));
        String id = client.postJson(eval + "/experiments", JSON.readTree("""
                {"name": "outbox-crash", "steps": {
                  "data":   {"kind": "dataset", "synthetic": {"users": 150, "items": 50, "meanLength": 8, "seed": 21}},
                  "victim": {"kind": "train", "dataset": "data", "architecture": "gru4rec",
                             "params": {"epochs": 2, "embeddingSize": 16, "hiddenSize": 16, "maxLength": 10}}}}""")).path("id").asText();
        assertThat(stack.service("trainer-service").awaitExit(Duration.ofMinutes(3)))
                .as("trainer-service halted before sending the committed event").isTrue();
        JsonNode waiting = client.get(eval + "/experiments/" + id);
        String jobId = step(waiting, "victim").path("jobId").asText();
        assertThat(step(waiting, "victim").path("status").asText()).as("the event has not reached eval-service")
                .isEqualTo("RUNNING");

        stack.killAndRestart("trainer-service");
        JsonNode experiment = new ExperimentFollower(client, eval, new java.io.PrintStream(
                java.io.OutputStream.nullOutputStream())).follow(id, Duration.ofMinutes(3));
        assertThat(experiment.path("status").asText()).as(experiment.toString()).isEqualTo("SUCCEEDED");
        JsonNode job = client.get(trainer + "/training-jobs/" + jobId);
        assertThat(job.path("attempts").asInt()).as("the ended job did not run again").isEqualTo(1);
        long models = 0;
        for (JsonNode m : client.get(trainer + "/models")) {
            models += m.path("jobId").asText().equals(jobId) ? 1 : 0;
        }
        assertThat(models).as("one model for the job").isEqualTo(1);
        assertThat(step(experiment, "victim").path("output").path("modelId").asText())
                .isEqualTo(job.path("modelId").asText());
    }

    private static RankforgeClient teamKey(String team) throws Exception {
        JsonNode created = client.postJson(stack.url("eval-service") + "/api-keys", Map.of("name", team + "-member",
                "team", team, "roles", List.of("researcher", "attacker", "admin")));
        return new RankforgeClient(created.path("key").asText());
    }

    @Test
    void aTrainingJobKilledMidwayResumesFromItsLastCheckpointWithoutDuplicates() throws Exception {
        String trainer = stack.url("trainer-service");
        JsonNode dataset = client.postJson(stack.url("data-service") + "/datasets",
                Map.of("name", "resume-it", "users", 600, "items", 150, "meanLength", 15, "seed", 5));
        int epochs = 10;
        JsonNode submitted = client.postJson(trainer + "/training-jobs", Map.of(
                "datasetId", dataset.path("id").asText(), "datasetUri", dataset.path("artifactUri").asText(),
                "architecture", "sasrec", "params", Map.of("epochs", epochs, "embeddingSize", 32, "maxLength", 20,
                        "batchSize", 64, "learningRate", 0.002)));
        String job = trainer + "/training-jobs/" + submitted.path("id").asText();
        awaitJob(job, j -> j.path("epoch").asInt() >= 2, Duration.ofMinutes(5));

        stack.killAndRestart("trainer-service");

        JsonNode done = awaitJob(job, j -> j.path("status").asText().equals("SUCCEEDED")
                || j.path("status").asText().equals("FAILED"), Duration.ofMinutes(5));
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.path("attempts").asInt()).isEqualTo(2);
        assertThat(done.path("resumedFromEpoch").asInt()).isBetween(1, epochs - 1);
        java.util.List<Integer> history = new java.util.ArrayList<>();
        done.path("history").forEach(e -> history.add(e.path("epoch").asInt()));
        assertThat(history).as("every epoch recorded exactly once")
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, epochs).boxed().toList());
        long models = 0;
        for (JsonNode m : client.get(trainer + "/models")) {
            models += m.path("jobId").asText().equals(submitted.path("id").asText()) ? 1 : 0;
        }
        assertThat(models).as("one model for the job").isEqualTo(1);
        long jobs = 0;
        for (JsonNode j : client.get(trainer + "/training-jobs")) {
            jobs += j.path("id").asText().equals(submitted.path("id").asText()) ? 1 : 0;
        }
        assertThat(jobs).as("one job").isEqualTo(1);
    }

    @Test
    void aPoisoningJobKilledWhileTheVictimRetrainsResumesWithoutDuplicates() throws Exception {
        String data = stack.url("data-service");
        String trainer = stack.url("trainer-service");
        String attack = stack.url("attack-service");
        JsonNode dataset = client.postJson(data + "/datasets",
                Map.of("name", "poisoning-it", "users", 600, "items", 120, "meanLength", 14, "sequentialStrength", 0.5,
                        "seed", 9));
        String datasetId = dataset.path("id").asText();
        int items = dataset.path("items").asInt();
        JsonNode victimJob = client.postJson(trainer + "/training-jobs", Map.of(
                "datasetId", datasetId, "datasetUri", dataset.path("artifactUri").asText(),
                "architecture", "gru4rec", "params", Map.of("epochs", 8, "embeddingSize", 32, "hiddenSize", 32,
                        "maxLength", 20, "batchSize", 64, "learningRate", 0.005)));
        JsonNode trained = awaitJob(trainer + "/training-jobs/" + victimJob.path("id").asText(),
                j -> j.path("status").asText().equals("SUCCEEDED"), Duration.ofMinutes(5));
        String victimId = trained.path("modelId").asText();

        JsonNode submitted = client.postJson(attack + "/attack-jobs", Map.of(
                "method", "poisoning", "victim", Map.of("modelId", victimId), "datasetId", datasetId,
                "datasetUri", dataset.path("artifactUri").asText(), "targets", List.of(items * 7 / 10, items * 9 / 10),
                "params", Map.of("chooser", "random", "fraction", 0.1, "profileLength", 20, "maxUsers", 300)));
        String job = attack + "/attack-jobs/" + submitted.path("id").asText();
        awaitJob(job, j -> j.path("stage").asText().equals("RETRAINING"), Duration.ofMinutes(3));

        stack.killAndRestart("attack-service");

        JsonNode done = awaitJob(job, j -> j.path("status").asText().equals("SUCCEEDED")
                || j.path("status").asText().equals("FAILED"), Duration.ofMinutes(8));
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.path("results").size()).isEqualTo(2);
        JsonNode poisoning = done.path("poisoning");
        assertThat(poisoning.path("fakeProfiles").asInt()).isEqualTo(60);
        long derived = 0;
        for (JsonNode d : client.get(data + "/datasets")) {
            derived += datasetId.equals(d.path("spec").path("baseDatasetId").asText()) ? 1 : 0;
        }
        assertThat(derived).as("one derived dataset").isEqualTo(1);
        for (String role : List.of("cleanTrainingJobId", "poisonedTrainingJobId")) {
            String trainingJob = poisoning.path(role).asText();
            long jobs = 0;
            for (JsonNode j : client.get(trainer + "/training-jobs")) {
                jobs += j.path("id").asText().equals(trainingJob) ? 1 : 0;
            }
            long models = 0;
            for (JsonNode m : client.get(trainer + "/models")) {
                models += m.path("jobId").asText().equals(trainingJob) ? 1 : 0;
            }
            assertThat(jobs).as(role + ": one retrain").isEqualTo(1);
            assertThat(models).as(role + ": one model").isEqualTo(1);
        }
        double clean = done.path("meanBefore").path("full-ranking").path("hr@10").asDouble();
        double poisoned = done.path("meanAfter").path("full-ranking").path("hr@10").asDouble();
        assertThat(poisoned).as("poisoned retrain vs clean retrain").isGreaterThan(clean);
    }

    private static JsonNode awaitJob(String url, java.util.function.Predicate<JsonNode> condition, Duration timeout) {
        return await("job " + url + " in the expected state").atMost(timeout).pollInterval(Duration.ofMillis(300))
                .until(() -> client.get(url), condition::test);
    }

    private static int status(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String body(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
