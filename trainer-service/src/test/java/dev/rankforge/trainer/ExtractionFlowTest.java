package dev.rankforge.trainer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import dev.rankforge.service.artifact.ArtifactStore;
import dev.rankforge.service.artifact.StoredArtifact;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SequenceFile;
import dev.rankforge.core.data.SyntheticGenerator;
import dev.rankforge.core.data.SyntheticSpec;
import dev.rankforge.infra.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DISTILL and EXTRACT jobs against a victim trained in the same run, through this service's own black-box API
 * over HTTP with an API key; quotas; and refused job specs.
 */
@QuarkusTest
@TestSecurity(user = "tester", roles = {"viewer", "researcher", "attacker", "admin"})
@WithTestResource(PostgresTestResource.class)
class ExtractionFlowTest {
    @Inject
    @jakarta.enterprise.inject.Any
    io.smallrye.reactive.messaging.memory.InMemoryConnector connector;

    private static final SequenceDataset DATA = SyntheticGenerator.generate(new SyntheticSpec(300, 60, 12, 1.0, 0.9, 21));
    private static String datasetUri;
    private static String victimId;

    @Inject
    ArtifactStore artifacts;

    @BeforeEach
    void victim() throws Exception {
        if (victimId != null) {
            return;
        }
        StoredArtifact artifact = artifacts.put("datasets", ".rfsq", out -> SequenceFile.write(DATA, out));
        datasetUri = artifact.uri();
        JsonPath job = runJob(Map.of("datasetId", UUID.randomUUID().toString(), "datasetUri", datasetUri,
                "architecture", "gru4rec", "params", Map.of("epochs", 10, "embeddingSize", 32, "hiddenSize", 32,
                        "batchSize", 32, "learningRate", 0.005, "maxLength", 20, "seed", 3)));
        victimId = job.getString("modelId");
    }

    @Test
    void extractedSurrogateAgreesWithItsVictimFarAboveRandom() {
        String target = "http://localhost:" + RestAssured.port + "/models/" + victimId + "/recommend";
        JsonPath job = runJob(Map.of("kind", "EXTRACT", "datasetId", UUID.randomUUID().toString(),
                "datasetUri", datasetUri, "architecture", "gru4rec",
                "params", Map.of("epochs", 8, "embeddingSize", 32, "hiddenSize", 32, "batchSize", 64,
                        "learningRate", 0.005, "maxLength", 20),
                "distillation", Map.of("loss", "margin-rank", "negatives", 20, "listLength", 20),
                "extraction", Map.of("generator", "autoregressive", "sequences", 200, "length", 10,
                        "target", Map.of("url", target, "modelId", victimId, "authHeader", "X-Api-Key",
                                "authCredential", credential("victim-key", "test-key"), "concurrency", 4))));
        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
        // The target's secret stays out of every response, event and log line.
        String jobId = job.getString("id");
        assertThat(given().when().get("/training-jobs/" + jobId).then().extract().asString())
                .contains(jobId).doesNotContain("test-key");
        assertThat(given().when().get("/training-jobs").then().extract().asString()).doesNotContain("test-key");
        assertThat(given().when().get("/models").then().extract().asString()).doesNotContain("test-key");
        List<String> events = connector.sink(dev.rankforge.trainer.messaging.Channels.TRAINING_EVENTS).received()
                .stream().map(m -> String.valueOf(m.getPayload())).toList();
        assertThat(events).anyMatch(e -> e.contains(jobId)).noneMatch(e -> e.contains("test-key"));
        assertThat(logLines()).anyMatch(l -> l.contains(jobId)).noneMatch(l -> l.contains("test-key"));
        assertThat(job.getLong("queriesSpent")).as("one query per prefix, exactly").isEqualTo(2000);
        assertThat(job.getString("validationMetric")).isEqualTo("agreement@10");
        assertThat(job.getString("params.extraction.target.authCredential")).as("named, never held")
                .isEqualTo("victim-key");
        double agreement = job.getDouble("result.victimFidelity.'agreement@10'");
        double random = job.getDouble("result.victimFidelity.'randomAgreement@10'");
        System.out.println("EXTRACT fidelity: " + job.getMap("result.victimFidelity"));
        assertThat(agreement).as("test-user agreement@10 vs random " + random).isGreaterThan(2 * random);

        given().when().get("/models/" + job.getString("modelId")).then().statusCode(200)
                .body("kind", equalTo("EXTRACT"))
                .body("lineage.victimModelId", equalTo(victimId))
                .body("lineage.queriesSpent", equalTo(2000))
                .body("lineage.querySetUri", notNullValue())
                .body("hyperparameters.training.extraction.target.authCredential", equalTo("victim-key"));

        // The fleet's work on /q/metrics: black-box attempts by outcome, epochs timed, jobs by state.
        assertThat(metric("rankforge_blackbox_requests_seconds_count", "host=\"localhost\",outcome=\"answered\""))
                .as("2000 generation queries and the fidelity queries").isGreaterThan(2000);
        assertThat(metric("rankforge_training_epochs_seconds_count", "architecture=\"gru4rec\",kind=\"EXTRACT\""))
                .isGreaterThanOrEqualTo(8);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(metric("rankforge_jobs", "state=\"SUCCEEDED\",type=\"training\"")).isGreaterThanOrEqualTo(2));
    }

    /** The value of a Prometheus sample on /q/metrics whose labels start with {@code labels}; 0 when absent. */
    private static double metric(String name, String labels) {
        for (String line : given().when().get("/q/metrics").then().statusCode(200).extract().asString().split("\n")) {
            if (line.startsWith(name + "{" + labels)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    @Test
    void distilledStudentFollowsItsTeacher() {
        JsonPath job = runJob(Map.of("kind", "DISTILL", "datasetId", UUID.randomUUID().toString(),
                "datasetUri", datasetUri, "architecture", "narm", "teacherModelId", victimId,
                "params", Map.of("epochs", 10, "embeddingSize", 32, "hiddenSize", 32, "batchSize", 64,
                        "learningRate", 0.005, "maxLength", 20),
                "distillation", Map.of("loss", "lambdaloss", "negatives", 20, "listLength", 20,
                        "prefixEncoding", "one-pass")));
        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(job.getString("params.distillation.prefixEncoding")).isEqualTo("one-pass");
        assertThat(job.getList("history")).hasSize(10);
        double agreement = job.getDouble("result.teacherFidelity.'agreement@10'");
        System.out.println("DISTILL fidelity: " + job.getMap("result.teacherFidelity"));
        assertThat(agreement).isGreaterThan(2 * job.getDouble("result.teacherFidelity.'randomAgreement@10'"));
        given().when().get("/models/" + job.getString("modelId")).then().statusCode(200)
                .body("kind", equalTo("DISTILL"))
                .body("lineage.teacherModelId", equalTo(victimId));
    }

    @Test
    void aTwoTowerModelTrainsServesFromItsIndexIsExtractedAndDistilsFromARanker() {
        JsonPath trained = runJob(Map.of("datasetId", UUID.randomUUID().toString(), "datasetUri", datasetUri,
                "architecture", "two-tower", "params", Map.of("epochs", 3, "embeddingSize", 32, "batchSize", 64,
                        "learningRate", 0.005, "maxLength", 20, "userTower", "gru")));
        assertThat(trained.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(trained.getString("params.objective")).as("its own objective, named on the job").isNull();
        String modelId = trained.getString("modelId");
        given().when().get("/models/" + modelId).then().statusCode(200)
                .body("hyperparameters.model.userTower", equalTo("gru"))
                .body("hyperparameters.model.temperature", notNullValue())
                .body("indexUri", containsString(".ann"));
        given().contentType("application/json").header("X-Api-Key", "test-key")
                .body(Map.of("sequence", List.of(3, 5, 7), "k", 10))
                .when().post("/models/" + modelId + "/recommend").then().statusCode(200)
                .body("items.size()", equalTo(10));
        given().contentType("application/json").header("X-Api-Key", "test-key")
                .body(Map.of("sequence", List.of(3, 5, 7), "k", DATA.numItems() + 1))
                .when().post("/models/" + modelId + "/recommend").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("k"));

        // a sequential surrogate extracted from the two-tower black box, which answers from its item index
        JsonPath extracted = runJob(Map.of("kind", "EXTRACT", "datasetId", UUID.randomUUID().toString(),
                "datasetUri", datasetUri, "architecture", "gru4rec",
                "params", Map.of("epochs", 6, "embeddingSize", 32, "hiddenSize", 32, "batchSize", 64,
                        "learningRate", 0.005, "maxLength", 20),
                "distillation", Map.of("loss", "margin-rank", "negatives", 20, "listLength", 10),
                "extraction", Map.of("generator", "autoregressive", "sequences", 100, "length", 10,
                        "target", Map.of("url", "http://localhost:" + RestAssured.port + "/models/" + modelId
                                + "/recommend", "modelId", modelId, "authHeader", "X-Api-Key",
                                "authCredential", credential("victim-key", "test-key")))));
        assertThat(extracted.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(extracted.getDouble("result.victimFidelity.'agreement@10'"))
                .isGreaterThan(2 * extracted.getDouble("result.victimFidelity.'randomAgreement@10'"));

        JsonPath distilled = runJob(Map.of("kind", "DISTILL", "datasetId", UUID.randomUUID().toString(),
                "datasetUri", datasetUri, "architecture", "two-tower", "teacherModelId", victimId,
                "params", Map.of("epochs", 6, "embeddingSize", 32, "batchSize", 64, "learningRate", 0.005,
                        "maxLength", 20, "temperature", 0.1),
                "distillation", Map.of("loss", "listmle", "negatives", 20, "listLength", 20)));
        assertThat(distilled.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(distilled.getDouble("result.teacherFidelity.'agreement@10'"))
                .isGreaterThan(2 * distilled.getDouble("result.teacherFidelity.'randomAgreement@10'"));
    }

    @Test
    void anExtractionTheTargetRefusesFailsWithTheReason() {
        String target = "http://localhost:" + RestAssured.port + "/models/" + victimId + "/recommend";
        JsonPath job = runJob(Map.of("kind", "EXTRACT", "datasetId", UUID.randomUUID().toString(),
                "datasetUri", datasetUri, "architecture", "gru4rec", "params", Map.of("epochs", 1, "maxLength", 20),
                "distillation", Map.of("listLength", 20),
                "extraction", Map.of("sequences", 5, "length", 3, "target", Map.of("url", target,
                        "authHeader", "X-Api-Key", "authCredential", credential("stale-key", "wrong-key")))));
        assertThat(job.getString("status")).isEqualTo("FAILED");
        assertThat(job.getString("error")).contains("HTTP 401").contains("unknown API key");
        assertThat(job.getLong("queriesSpent")).isZero();
    }

    @Test
    void theBlackBoxApiEnforcesKeysBudgetsAndRates() {
        String body = "{\"sequence\": [1, 2, 3], \"k\": 5}";
        String url = "/models/" + victimId + "/recommend";
        given().contentType("application/json").body(body).when().post(url).then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("X-Api-Key"));
        given().contentType("application/json").header("X-Api-Key", "nope").body(body).when().post(url)
                .then().statusCode(401).contentType("application/problem+json");
        for (int i = 0; i < 3; i++) {
            given().contentType("application/json").header("X-Api-Key", "tight-key").body(body).when().post(url)
                    .then().statusCode(200);
        }
        given().contentType("application/json").header("X-Api-Key", "tight-key").body(body).when().post(url)
                .then().statusCode(429).contentType("application/problem+json")
                .body("detail", containsString("budget"));
        given().contentType("application/json").header("X-Api-Key", "slow-key").body(body).when().post(url)
                .then().statusCode(200);
        given().contentType("application/json").header("X-Api-Key", "slow-key").body(body).when().post(url)
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("detail", containsString("rate limit"));
        assertThat(metric("rankforge_blackbox_queries_total", "client=\"tight\"")).as("charged").isEqualTo(3);
        assertThat(metric("rankforge_blackbox_refusals_total", "reason=\"budget\"")).isGreaterThanOrEqualTo(1);
        assertThat(metric("rankforge_blackbox_refusals_total", "reason=\"rate\"")).isGreaterThanOrEqualTo(1);
        assertThat(metric("rankforge_blackbox_refusals_total", "reason=\"key\"")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void badJobSpecsAreRefusedAndStoreNothing() {
        int before = given().when().get("/training-jobs").then().statusCode(200).extract().jsonPath()
                .getList("$").size();
        refused(Map.of("kind", "EXTRACT", "datasetId", UUID.randomUUID().toString(), "datasetUri", datasetUri,
                "architecture", "gru4rec"), "extraction");
        refused(Map.of("kind", "EXTRACT", "datasetId", UUID.randomUUID().toString(), "datasetUri", datasetUri,
                "architecture", "gru4rec", "extraction", Map.of("generator", "psychic",
                        "target", Map.of("modelId", victimId))), "extraction.generator");
        refused(Map.of("kind", "EXTRACT", "datasetId", UUID.randomUUID().toString(), "datasetUri", datasetUri,
                "architecture", "gru4rec", "extraction", Map.of("target", Map.of("url", "ftp://example"))),
                "extraction.target.url");
        refused(Map.of("kind", "EXTRACT", "datasetId", UUID.randomUUID().toString(), "datasetUri", datasetUri,
                "architecture", "gru4rec", "extraction", Map.of("target",
                        Map.of("url", "http://169.254.169.254/latest/meta-data"))), "extraction.target.url");
        refused(Map.of("kind", "EXTRACT", "datasetId", UUID.randomUUID().toString(), "datasetUri", datasetUri,
                "architecture", "gru4rec", "extraction", Map.of("target",
                        Map.of("url", "http://10.0.0.1/recommend"))), "extraction.target.url");
        refused(Map.of("kind", "EXTRACT", "datasetId", UUID.randomUUID().toString(), "datasetUri", datasetUri,
                "architecture", "gru4rec", "extraction", Map.of("target", Map.of("modelId", victimId,
                        "authHeader", "X-Api-Key", "authValue", "inline-secret"))), "extraction.target.authCredential");
        refused(Map.of("kind", "EXTRACT", "datasetId", UUID.randomUUID().toString(), "datasetUri", datasetUri,
                "architecture", "gru4rec", "extraction", Map.of("target", Map.of("modelId", victimId,
                        "authHeader", "X-Api-Key", "authCredential", "nobody-stored-this"))),
                "extraction.target.authCredential");
        refused(Map.of("kind", "EXTRACT", "datasetId", UUID.randomUUID().toString(), "datasetUri", datasetUri,
                "architecture", "gru4rec", "distillation", Map.of("loss", "telepathy"),
                "extraction", Map.of("target", Map.of("modelId", victimId))), "distillation.loss");
        refused(Map.of("kind", "EXTRACT", "datasetId", UUID.randomUUID().toString(), "datasetUri", datasetUri,
                "architecture", "gru4rec", "distillation", Map.of("prefixEncoding", "both"),
                "extraction", Map.of("target", Map.of("modelId", victimId))), "distillation.prefixEncoding");
        refused(Map.of("kind", "EXTRACT", "datasetId", UUID.randomUUID().toString(), "datasetUri", datasetUri,
                "architecture", "bert4rec", "distillation", Map.of("prefixEncoding", "one-pass"),
                "extraction", Map.of("target", Map.of("modelId", victimId))), "distillation.prefixEncoding");
        refused(Map.of("kind", "EXTRACT", "datasetId", UUID.randomUUID().toString(), "datasetUri", datasetUri,
                "architecture", "gru4rec", "distillation", Map.of("prefixEncoding", "one-pass",
                        "prefixesPerSequence", 8),
                "extraction", Map.of("target", Map.of("modelId", victimId))), "distillation.prefixesPerSequence");
        refused(Map.of("kind", "DISTILL", "datasetId", UUID.randomUUID().toString(), "datasetUri", datasetUri,
                "architecture", "gru4rec", "teacherModelId", UUID.randomUUID().toString()), "teacherModelId");
        refused(Map.of("kind", "DISTILL", "datasetId", UUID.randomUUID().toString(), "datasetUri", datasetUri,
                "architecture", "gru4rec"), "teacherModelId");
        refused(Map.of("datasetId", UUID.randomUUID().toString(), "datasetUri", datasetUri,
                "architecture", "two-tower", "params", Map.of("userTower", "transformer-xl")), "params.userTower");
        refused(Map.of("datasetId", UUID.randomUUID().toString(), "datasetUri", datasetUri,
                "architecture", "two-tower", "params", Map.of("temperature", 0)), "params.temperature");
        refused(Map.of("datasetId", UUID.randomUUID().toString(), "datasetUri", datasetUri,
                "architecture", "gru4rec", "params", Map.of("userTower", "gru")), "params.userTower");
        refused(Map.of("datasetId", UUID.randomUUID().toString(), "datasetUri", datasetUri,
                "architecture", "gru4rec", "params", Map.of("windowStep", -1)), "params.windowStep");
        refused(Map.of("datasetId", UUID.randomUUID().toString(), "datasetUri", datasetUri,
                "architecture", "gru4rec", "params", Map.of("maxLength", 20, "windowStep", 21)), "params.windowStep");
        refused(Map.of("datasetId", UUID.randomUUID().toString(), "datasetUri", datasetUri,
                "architecture", "gru4rec", "params", Map.of("learningRateSchedule", "linear")),
                "params.learningRateSchedule");
        refused(Map.of("datasetId", UUID.randomUUID().toString(), "datasetUri", datasetUri,
                "architecture", "gru4rec", "params", Map.of("warmupEpochs", -1)), "params.warmupEpochs");
        refused(Map.of("datasetId", UUID.randomUUID().toString(), "datasetUri", datasetUri,
                "architecture", "gru4rec", "params", Map.of("epochs", 3, "warmupEpochs", 3)), "params.warmupEpochs");
        refused(Map.of("kind", "EXTRACT", "datasetId", UUID.randomUUID().toString(), "datasetUri", datasetUri,
                "architecture", "gru4rec", "params", Map.of("windowStep", 10),
                "extraction", Map.of("target", Map.of("modelId", victimId))), "params.windowStep");
        given().contentType("application/json").body(Map.of("kind", "STEAL", "datasetId", UUID.randomUUID().toString(),
                        "architecture", "gru4rec"))
                .when().post("/training-jobs").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("kind"));
        int after = given().when().get("/training-jobs").then().statusCode(200).extract().jsonPath()
                .getList("$").size();
        assertThat(after).isEqualTo(before);
    }

    /** Stores a secret where the service reads credentials (target/test-credentials), under {@code name}. */
    private static String credential(String name, String secret) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target/test-credentials");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve(name), secret);
            return name;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The service's log as written during the tests (file logging is on in the test profile). */
    private static List<String> logLines() {
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of("target/trainer-test.log"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void refused(Map<String, Object> body, String field) {
        given().contentType("application/json").body(body).when().post("/training-jobs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    private static JsonPath runJob(Map<String, Object> body) {
        String id = given().contentType("application/json").body(body).when().post("/training-jobs")
                .then().statusCode(202).extract().jsonPath().getString("id");
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500)).until(() -> {
            String status = given().when().get("/training-jobs/" + id).then().extract().jsonPath().getString("status");
            return List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(status);
        });
        return given().when().get("/training-jobs/" + id).then().statusCode(200).extract().jsonPath();
    }
}
