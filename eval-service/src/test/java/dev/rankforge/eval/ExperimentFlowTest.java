package dev.rankforge.eval;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import dev.rankforge.contracts.AttackEvent;
import dev.rankforge.contracts.AttackRequest;
import dev.rankforge.contracts.JobStatus;
import dev.rankforge.contracts.SchemaVersion;
import dev.rankforge.contracts.TrainingEvent;
import dev.rankforge.contracts.TrainingKind;
import dev.rankforge.contracts.TrainingRequest;
import dev.rankforge.service.artifact.ArtifactStore;
import dev.rankforge.service.artifact.StoredArtifact;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SequenceFile;
import dev.rankforge.core.data.SyntheticGenerator;
import dev.rankforge.core.data.SyntheticSpec;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.core.nn.Architectures;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.train.SequenceTrainer;
import dev.rankforge.core.train.TrainConfig;
import dev.rankforge.core.train.ProgressListener;
import dev.rankforge.eval.messaging.Channels;
import dev.rankforge.eval.report.HeadlessChromium;
import dev.rankforge.eval.results.ExperimentResult;
import io.quarkus.narayana.jta.QuarkusTransaction;
import dev.rankforge.infra.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Experiment plans run as DAGs. Evaluation runs for real in this service on real trained models; trainer-service
 * and attack-service are the events they would publish (their flows are tested in their own modules and in
 * PipelineIT), and trainer's job API is {@link TestTrainerJobs}.
 */
@QuarkusTest
@TestSecurity(user = "tester", roles = {"viewer", "researcher", "attacker", "admin"})
@WithTestResource(PostgresTestResource.class)
class ExperimentFlowTest {
    private static StoredArtifact dataset;
    private static StoredArtifact model;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    ArtifactStore artifacts;

    private synchronized void prepare() throws Exception {
        if (dataset != null) {
            return;
        }
        SequenceDataset data = SyntheticGenerator.generate(new SyntheticSpec(300, 80, 12, 1.0, 0.8, 2));
        dataset = artifacts.put("datasets", ".rfsq", out -> SequenceFile.write(data, out));
        try (ScoringModel trained = new SequenceTrainer(new TrainConfig(12, 64, 5e-3f, 0f, 5f, 12, 0, 1, "cpu"))
                .train(new ModelSpec(Architectures.GRU4REC, data.numItems(), 32, 32, 20), data,
                        ProgressListener.NONE, () -> false).model()) {
            model = artifacts.put("models", ".rfmd", trained::save);
        }
    }

    private String submit(String plan) {
        return given().contentType("application/json").body(plan).when().post("/experiments")
                .then().statusCode(202).extract().path("id");
    }

    private TrainingRequest awaitTrainingRequest(InMemorySink<TrainingRequest> sink, String architecture, TrainingKind kind) {
        await().atMost(Duration.ofSeconds(20)).until(() -> sink.received().stream().anyMatch(m ->
                m.getPayload().architecture().equals(architecture) && m.getPayload().kind() == kind));
        return sink.received().stream().map(m -> m.getPayload())
                .filter(r -> r.architecture().equals(architecture) && r.kind() == kind).findFirst().orElseThrow();
    }

    private void succeed(TrainingRequest request, String metric) {
        UUID modelId = UUID.randomUUID();
        TestTrainerJobs.record(request.jobId(), request.kind().name(), metric, 3);
        connector.source(Channels.TRAINING_EVENTS).send(new TrainingEvent(SchemaVersion.CURRENT, request.jobId(),
                request.kind(), request.datasetId(), JobStatus.RUNNING, 1, 3, 4.2, metric, 0.1, 900.0, null, null, null,
                null, null, null, Instant.now()));
        connector.source(Channels.TRAINING_EVENTS).send(new TrainingEvent(SchemaVersion.CURRENT, request.jobId(),
                request.kind(), request.datasetId(), JobStatus.SUCCEEDED, 3, 3, 3.9, metric, 0.3, null,
                request.kind() == TrainingKind.EXTRACT ? 5000L : null, null, modelId, model.uri(), model.sha256(), null,
                Instant.now()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePapersPipelineRunsAsADagAndIsReported() throws Exception {
        prepare();
        InMemorySink<TrainingRequest> training = connector.sink(Channels.TRAINING_REQUESTS);
        InMemorySink<AttackRequest> attacks = connector.sink(Channels.ATTACK_REQUESTS);
        training.clear();
        attacks.clear();
        String id = submit("""
                {"name": "paper", "steps": {
                  "data":      {"kind": "dataset", "existing": {"id": "%s", "artifactUri": "%s"}},
                  "victim":    {"kind": "train", "dataset": "data", "architecture": "sasrec", "params": {"epochs": 3}},
                  "surrogate": {"kind": "extract", "dataset": "data", "victim": "victim", "architecture": "narm",
                                "extraction": {"sequences": 100, "length": 50}, "distillation": {"listLength": 100}},
                  "eval":      {"kind": "evaluate", "dataset": "data", "models": ["victim", "surrogate"],
                                "protocols": ["full-ranking", "uniform-50", "popularity-50"], "ks": [1, 10],
                                "fidelity": [["victim", "surrogate"]]},
                  "pollution": {"kind": "attack", "method": "pollution", "dataset": "data", "victim": "victim",
                                "surrogate": "surrogate", "params": {"chooser": "gradient", "targetCount": 2}}}}"""
                .formatted(TestDataService.register(dataset.uri()), dataset.uri()));

        TrainingRequest victim = awaitTrainingRequest(training, "sasrec", TrainingKind.TRAIN);
        assertThat(victim.datasetUri()).isEqualTo(dataset.uri());
        assertThat(training.received()).as("the surrogate waits for its victim").hasSize(1);
        succeed(victim, "ndcg@10");

        TrainingRequest extract = awaitTrainingRequest(training, "narm", TrainingKind.EXTRACT);
        assertThat(extract.extraction().sequences()).isEqualTo(100);
        assertThat(extract.extraction().target().modelId()).isNotNull();
        succeed(extract, "agreement@10");

        await().atMost(Duration.ofSeconds(20)).until(() -> !attacks.received().isEmpty());
        AttackRequest attack = attacks.received().get(0).getPayload();
        assertThat(attack.victim().modelId()).isEqualTo(extract.extraction().target().modelId());
        assertThat(attack.surrogateModelId()).isNotNull();
        Map<String, Map<String, Double>> before = Map.of("full-ranking", Map.of("hr@10", 0.02));
        Map<String, Map<String, Double>> after = Map.of("full-ranking", Map.of("hr@10", 0.9));
        connector.source(Channels.ATTACK_EVENTS).send(new AttackEvent(SchemaVersion.CURRENT, attack.jobId(),
                JobStatus.SUCCEEDED, "pollution", "gradient", "SURROGATE", 2,
                List.of(new AttackEvent.TargetResult(7, 50, before, after, List.of(7, 3), 200L),
                        new AttackEvent.TargetResult(9, 50, before, after, List.of(9, 3), 200L)),
                before, after, 400L, "MEASURING", null, null, Instant.now()));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().when().get("/experiments/" + id)
                .then().statusCode(200).body("status", equalTo("SUCCEEDED")));
        JsonPath view = given().when().get("/experiments/" + id).then().extract().jsonPath();
        assertThat(view.getList("steps.status")).containsOnly("SUCCEEDED");
        assertThat(view.getList("steps.name")).containsExactly("data", "victim", "surrogate", "eval", "pollution");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(given().when().get("/q/metrics")
                .then().statusCode(200).extract().asString())
                .as("experiments and steps by state on /q/metrics")
                .containsPattern("rankforge_jobs\\{state=\"SUCCEEDED\",type=\"experiment\"} [1-9]")
                .containsPattern("rankforge_jobs\\{state=\"SUCCEEDED\",type=\"experiment-step\"} [1-9]"));

        JsonPath results = given().when().get("/experiments/" + id + "/results").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> rows = results.getList("");
        assertThat(rows).anySatisfy(r -> {
            assertThat(r).containsEntry("step", "eval").containsEntry("subject", "victim")
                    .containsEntry("metric", "ndcg").containsEntry("k", 10).containsEntry("protocol", "uniform-50")
                    .containsEntry("split", "test");
            assertThat((List<Object>) r.get("lineage")).contains("victim", "surrogate", "data");
        });
        assertThat(rows).as("the same model twice agrees with itself")
                .anySatisfy(r -> assertThat(r).containsEntry("subject", "victim~surrogate")
                        .containsEntry("metric", "agreement").containsEntry("k", 10).containsEntry("value", 1.0f));
        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("step", "pollution")
                .containsEntry("subject", "target:7").containsEntry("split", "after").containsEntry("value", 0.9f));
        Object popularity = rows.stream().filter(r -> "popularity".equals(r.get("subject"))
                && "popularity-50".equals(r.get("protocol"))).findFirst().orElseThrow();
        assertThat(popularity).isNotNull();

        String csv = given().when().get("/experiments/" + id + "/results?format=csv").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("experimentId,experiment,step,kind,subject");
        assertThat(csv.lines().count()).isEqualTo(rows.size() + 1);
        given().when().get("/results?metric=agreement&protocol=fidelity").then().statusCode(200)
                .body("experimentId", hasItem(id));

        String report = given().when().get("/experiments/" + id + "/report").then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertThat(report).contains("<svg", "Learning curves", "Agreement@10 against queries spent",
                "HR@10 per target", "uniform-50 · ndcg@10").as("self-contained").doesNotContainPattern("(src|href)=\"(https?:)?//").doesNotContain("<link", "<script");
        renderInChromium(report, "paper-report");
    }

    @Test
    void aSweepSharesItsDatasetAndAFailedStepFailsOnlyItsDependants() throws Exception {
        prepare();
        InMemorySink<TrainingRequest> training = connector.sink(Channels.TRAINING_REQUESTS);
        training.clear();
        String id = submit("""
                {"name": "sweep", "matrix": {"arch": ["gru4rec", "caser"]}, "steps": {
                  "data":   {"kind": "dataset", "existing": {"id": "%s", "artifactUri": "%s"}},
                  "victim": {"kind": "train", "dataset": "data", "architecture": "${arch}", "params": {"epochs": 3}},
                  "eval":   {"kind": "evaluate", "dataset": "data", "models": ["victim"], "protocols": ["full-ranking"]}}}"""
                .formatted(TestDataService.register(dataset.uri()), dataset.uri()));
        TrainingRequest gru = awaitTrainingRequest(training, "gru4rec", TrainingKind.TRAIN);
        TrainingRequest caser = awaitTrainingRequest(training, "caser", TrainingKind.TRAIN);
        assertThat(training.received()).hasSize(2);
        assertThat(gru.datasetUri()).isEqualTo(caser.datasetUri());
        connector.source(Channels.TRAINING_EVENTS).send(new TrainingEvent(SchemaVersion.CURRENT, caser.jobId(),
                TrainingKind.TRAIN, null, JobStatus.FAILED, 1, 3, null, null, null, null, null, null, null, null,
                null, "out of memory", Instant.now()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/experiments/" + id)
                .then().body("steps.find { it.name == 'eval[arch=caser]' }.status", equalTo("FAILED"))
                .body("steps.find { it.name == 'eval[arch=caser]' }.error", equalTo("input step victim[arch=caser] failed"))
                .body("status", equalTo("RUNNING")));
        succeed(gru, "ndcg@10");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/experiments/" + id)
                .then().body("status", equalTo("FAILED"))
                .body("steps.find { it.name == 'eval[arch=gru4rec]' }.status", equalTo("SUCCEEDED")));
        String report = given().when().get("/experiments/" + id + "/report").then().statusCode(200).extract().asString();
        assertThat(report).contains("Sweep", "arch=gru4rec");
        renderInChromium(report, "sweep-report");
    }

    @Test
    void aStepLeftByADeadReplicaIsStartedAgainOnceItsLeaseExpiredAndItsResultsAreKeptOnce() throws Exception {
        prepare();
        InMemorySink<TrainingRequest> training = connector.sink(Channels.TRAINING_REQUESTS);
        training.clear();
        String id = submit("""
                {"name": "takeover", "steps": {
                  "data":   {"kind": "dataset", "existing": {"id": "%s", "artifactUri": "%s"}},
                  "victim": {"kind": "train", "dataset": "data", "architecture": "gru4rec", "params": {"epochs": 3}},
                  "eval":   {"kind": "evaluate", "dataset": "data", "models": ["victim"], "protocols": ["full-ranking"]}}}"""
                .formatted(TestDataService.register(dataset.uri()), dataset.uri()));
        TrainingRequest victim = awaitTrainingRequest(training, "gru4rec", TrainingKind.TRAIN);
        UUID experiment = UUID.fromString(id);
        await().atMost(Duration.ofSeconds(10)).until(() -> step(experiment, "victim").leaseOwner == null);
        assertThat(step(experiment, "victim").status).as("its request is sent: it waits on trainer-service, leased to "
                + "no replica").isEqualTo(JobStatus.RUNNING);
        succeed(victim, "ndcg@10");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/experiments/" + id)
                .then().body("status", equalTo("SUCCEEDED")));
        int results = given().when().get("/experiments/" + id + "/results").then().extract().jsonPath()
                .getList("$").size();
        assertThat(results).isPositive();

        // As a replica killed while evaluating leaves it: the step running, leased to that replica, its lease expired.
        QuarkusTransaction.requiringNew().run(() -> {
            ExperimentStep eval = ExperimentStep.<ExperimentStep>find("experimentId = ?1 and name = ?2", experiment,
                    "eval").firstResult();
            eval.status = JobStatus.RUNNING;
            eval.output = null;
            eval.finishedAt = null;
            eval.leaseOwner = "eval-service-gone";
            eval.leaseExpiresAt = Instant.now().minusSeconds(1);
            Experiment e = Experiment.findById(experiment);
            e.status = JobStatus.RUNNING;
            e.finishedAt = null;
            ExperimentResult.delete("experimentId = ?1 and step = ?2", experiment, "eval");
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/experiments/" + id)
                .then().body("status", equalTo("SUCCEEDED")));
        assertThat(step(experiment, "eval").leaseOwner).isNull();
        assertThat(given().when().get("/experiments/" + id + "/results").then().extract().jsonPath().getList("$"))
                .as("evaluated again once, by this replica").hasSize(results);
    }

    private static ExperimentStep step(UUID experiment, String name) {
        return QuarkusTransaction.requiringNew().call(() -> ExperimentStep.<ExperimentStep>find(
                "experimentId = ?1 and name = ?2", experiment, name).firstResult());
    }

    @Test
    void cancellingStopsRunningJobsAndQueuedStepsNeverStart() throws Exception {
        prepare();
        InMemorySink<TrainingRequest> training = connector.sink(Channels.TRAINING_REQUESTS);
        training.clear();
        String id = submit("""
                {"name": "cancel", "steps": {
                  "data":   {"kind": "dataset", "existing": {"id": "%s", "artifactUri": "%s"}},
                  "victim": {"kind": "train", "dataset": "data", "architecture": "bert4rec"},
                  "eval":   {"kind": "evaluate", "dataset": "data", "models": ["victim"]}}}"""
                .formatted(TestDataService.register(dataset.uri()), dataset.uri()));
        TrainingRequest victim = awaitTrainingRequest(training, "bert4rec", TrainingKind.TRAIN);
        given().when().post("/experiments/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("steps.status", hasItems("CANCELLED"));
        assertThat(TestTrainerJobs.CANCELLED).contains(victim.jobId());
        succeed(victim, "ndcg@10"); // a late success changes nothing
        given().when().post("/experiments/" + id + "/cancel").then().statusCode(409);
        given().when().get("/experiments/" + id).then()
                .body("steps.find { it.name == 'eval' }.status", equalTo("CANCELLED"))
                .body("steps.find { it.name == 'victim' }.status", equalTo("CANCELLED"));
    }

    @Test
    void plansWithErrorsAreRefusedWithThePathNamed() {
        given().contentType("application/json").body("""
                {"name": "bad", "steps": {
                  "data":   {"kind": "dataset", "synthetic": {"users": 100, "items": 50}, "existing": {"id": "%s"}},
                  "victim": {"kind": "train", "dataset": "data", "params": {"epochz": 3}},
                  "eval":   {"kind": "evaluate", "dataset": "data", "models": ["victim"], "protocols": ["uniform-x"]},
                  "x":      {"kind": "trian"},
                  "other":  {"kind": "train", "dataset": "data", "architecture": "gru5rec"},
                  "steal":  {"kind": "extract", "dataset": "data", "victim": "victim", "architecture": "bert4rec",
                             "distillation": {"prefixEncoding": "one-pass", "prefixesPerSequence": 2}},
                  "copy":   {"kind": "distill", "dataset": "data", "teacher": "victim",
                             "distillation": {"prefixEncoding": "sometimes", "negatives": -1}}}}""".formatted(UUID.randomUUID()))
                .when().post("/experiments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("steps.data.synthetic", "steps.victim.params.epochz",
                        "steps.eval.protocols[0]", "steps.x.kind", "steps.other.architecture",
                        "steps.steal.distillation.prefixEncoding", "steps.steal.distillation.prefixesPerSequence",
                        "steps.copy.distillation.prefixEncoding",
                        "steps.copy.distillation.negatives"));
        given().contentType("application/json").body("""
                {"name": "dangling", "steps": {"eval": {"kind": "evaluate", "dataset": "data", "models": ["victim"]}}}""")
                .when().post("/experiments")
                .then().statusCode(400).body("errors.field", hasItems("steps.eval.dataset", "steps.eval.models[0]"));
        given().contentType("application/json").body("""
                {"name": "users", "steps": {"data": {"kind": "dataset", "synthetic": {"users": 1, "items": 50}}}}""")
                .when().post("/experiments")
                .then().statusCode(400).body("errors.field", hasItem("steps.data.synthetic.users"));
        given().contentType("application/json").body("{\"modelId\": \"nope\"}")
                .when().post("/eval-jobs")
                .then().statusCode(400).contentType("application/problem+json");
        given().when().get("/experiments/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** Loads the report in headless Chromium and checks every chart drew; the screenshot stays in target/. */
    private static void renderInChromium(String report, String name) throws Exception {
        HeadlessChromium chromium = HeadlessChromium.forTest();
        Path dir = Files.createDirectories(Path.of("target/report-check"));
        Path html = dir.resolve(name + ".html");
        Files.writeString(html, report.replace("</body>", HeadlessChromium.PROBE_SCRIPT + "</body>"));
        HeadlessChromium.RenderResult result = chromium.render(html, dir.resolve(name + ".png"));
        System.out.println("report screenshot: " + result.screenshot().toAbsolutePath());
        assertThat(result.chartsTotal()).isGreaterThan(0);
        assertThat(result.chartsRendered()).isEqualTo(result.chartsTotal());
    }
}
