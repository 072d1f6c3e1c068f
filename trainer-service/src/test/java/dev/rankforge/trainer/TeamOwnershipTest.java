package dev.rankforge.trainer;

import dev.rankforge.trainer.service.ResolvedParams;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rankforge.contracts.JobStatus;
import dev.rankforge.contracts.TrainingKind;
import dev.rankforge.infra.PostgresTestResource;
import dev.rankforge.service.auth.ApiKeyAuthentication;
import dev.rankforge.service.auth.ApiKeyStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Jobs, models and announced datasets belong to a team. Another team (its admin included) gets 404 for the job and
 * the model, lists neither, cannot cancel the job, and a request naming the model as teacher, starting point or
 * extraction target, or the dataset as training data, is refused exactly as for an id that does not exist.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class TeamOwnershipTest {
    @Inject
    ApiKeyStore keys;

    @Inject
    dev.rankforge.trainer.config.TrainerConfig config;

    @Test
    void anotherTeamCannotSeeOrUseAJobItsModelOrItsDataset() {
        UUID datasetId = UUID.randomUUID();
        UUID jobId = UUID.randomUUID();
        UUID modelId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> storeTeamAsWork(datasetId, jobId, modelId));
        String a = keys.create("alice", "team-a", Set.of("researcher", "admin")).key();
        String b = keys.create("bob", "team-b", Set.of("researcher", "attacker", "admin")).key();

        as(a).get("/models/" + modelId).then().statusCode(200).body("team", org.hamcrest.Matchers.equalTo("team-a"));
        as(a).get("/training-jobs/" + jobId).then().statusCode(200);
        as(b).get("/models/" + modelId).then().statusCode(404).contentType("application/problem+json");
        as(b).get("/training-jobs/" + jobId).then().statusCode(404);
        as(b).post("/training-jobs/" + jobId + "/cancel").then().statusCode(404);
        assertThat(as(b).get("/models").then().statusCode(200).extract().<List<String>>path("id"))
                .doesNotContain(modelId.toString());
        assertThat(as(b).get("/training-jobs").then().statusCode(200).extract().<List<String>>path("id"))
                .doesNotContain(jobId.toString());

        UUID unknown = UUID.randomUUID();
        String teacher = """
                {"kind": "DISTILL", "datasetId": "%s", "datasetUri": "file:/nowhere.rfsq", "architecture": "gru4rec",
                 "teacherModelId": "%s"}""";
        assertRefusedAsUnknown(b, teacher.formatted(datasetId, modelId), teacher.formatted(datasetId, unknown));
        String start = """
                {"datasetId": "%s", "datasetUri": "file:/nowhere.rfsq", "architecture": "gru4rec",
                 "initialModelId": "%s"}""";
        assertRefusedAsUnknown(b, start.formatted(datasetId, modelId), start.formatted(datasetId, unknown));
        String target = """
                {"kind": "EXTRACT", "datasetId": "%s", "datasetUri": "file:/nowhere.rfsq", "architecture": "gru4rec",
                 "extraction": {"target": {"modelId": "%s"}}}""";
        assertRefusedAsUnknown(b, target.formatted(datasetId, modelId), target.formatted(datasetId, unknown));
        // Named by the URL of our own black-box API instead of by modelId: the same check.
        String byUrl = """
                {"kind": "EXTRACT", "datasetId": "%s", "datasetUri": "file:/nowhere.rfsq", "architecture": "gru4rec",
                 "extraction": {"target": {"url": "%s/models/%s/recommend"}}}""";
        assertRefusedAsUnknown(b, byUrl.formatted(datasetId, config.selfUrl(), modelId),
                byUrl.formatted(datasetId, config.selfUrl(), unknown));
        String data = """
                {"datasetId": "%s", "architecture": "gru4rec"}""";
        assertRefusedAsUnknown(b, data.formatted(datasetId), data.formatted(unknown));
        // A team's job id is not another team's to take over.
        as(b).contentType("application/json").body("""
                {"jobId": "%s", "datasetId": "%s", "architecture": "gru4rec"}""".formatted(jobId, unknown))
                .post("/training-jobs").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("jobId"));
    }

    @Test
    void aSharedModelIsSeenAndUsedByTheTeamItIsSharedWithUntilItsOwnerWithdrawsTheShare() {
        UUID modelId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> storeTeamAsWork(UUID.randomUUID(), UUID.randomUUID(), modelId));
        String a = keys.create("ann", "team-a", Set.of("researcher")).key();
        String b = keys.create("ben", "team-b", Set.of("researcher")).key();
        String c = keys.create("cat", "team-c", Set.of("researcher")).key();
        String model = "/models/" + modelId;
        as(b).put(model + "/shares/team-b").then().statusCode(404); // what it cannot see, it cannot share
        as(a).put(model + "/shares/-bad").then().statusCode(400).body("errors[0].field",
                org.hamcrest.Matchers.equalTo("team"));

        as(a).put(model + "/shares/team-b").then().statusCode(200)
                .body("sharedWith", org.hamcrest.Matchers.contains("team-b"));
        as(a).put(model + "/shares/team-b").then().statusCode(200) // idempotent
                .body("sharedWith", org.hamcrest.Matchers.contains("team-b"));
        as(b).get(model).then().statusCode(200).body("team", org.hamcrest.Matchers.equalTo("team-a"));
        assertThat(as(b).get("/models").then().extract().<List<String>>path("id")).contains(modelId.toString());
        as(c).get(model).then().statusCode(404);
        assertThat(as(c).get("/models").then().extract().<List<String>>path("id")).doesNotContain(modelId.toString());
        String distill = """
                {"kind": "DISTILL", "datasetId": "%s", "datasetUri": "file:/b.rfsq", "architecture": "gru4rec",
                 "teacherModelId": "%s", "params": {"epochs": 1}}""";
        String job = as(b).contentType("application/json").body(distill.formatted(UUID.randomUUID(), modelId))
                .post("/training-jobs").then().statusCode(202).extract().path("id");
        as(b).post("/training-jobs/" + job + "/cancel").then().statusCode(200);
        // Only the owner shares on or withdraws.
        as(b).put(model + "/shares/team-c").then().statusCode(403).contentType("application/problem+json");
        as(b).delete(model + "/shares/team-b").then().statusCode(403);

        as(a).delete(model + "/shares/team-b").then().statusCode(200)
                .body("sharedWith", org.hamcrest.Matchers.empty());
        as(b).get(model).then().statusCode(404);
        UUID dataset = UUID.randomUUID();
        assertRefusedAsUnknown(b, distill.formatted(dataset, modelId), distill.formatted(dataset, UUID.randomUUID()));
    }

    @Test
    void aTeamAtItsLimitOfJobsInFlightIsRefusedWithTheLimitNamedAndOthersAreNot() {
        int limit = config.maxActiveJobsPerTeam();
        UUID datasetId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < limit; i++) {
                TrainingJob job = new TrainingJob();
                job.id = UUID.randomUUID();
                job.datasetId = datasetId;
                job.datasetUri = "file:/busy.rfsq";
                job.architecture = "gru4rec";
                job.kind = TrainingKind.TRAIN;
                job.params = ResolvedParams.resolve(TrainingKind.TRAIN, "gru4rec", null, null, null, null, null, null);
                job.validationMetric = "ndcg@10";
                job.status = i % 2 == 0 ? JobStatus.QUEUED : JobStatus.RUNNING;
                job.createdAt = Instant.now();
                job.team = "team-busy";
                job.persist();
            }
        });
        String busy = keys.create("busy", "team-busy", Set.of("researcher")).key();
        String other = keys.create("idle", "team-idle", Set.of("researcher")).key();
        String train = """
                {"datasetId": "%s", "datasetUri": "file:/busy.rfsq", "architecture": "gru4rec",
                 "params": {"epochs": 1}}""".formatted(datasetId);
        as(busy).contentType("application/json").body(train).post("/training-jobs").then().statusCode(429)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("team"))
                .body("errors[0].reason", org.hamcrest.Matchers.containsString("RANKFORGE_TRAINER_MAX_ACTIVE_JOBS_PER_TEAM"));
        String accepted = as(other).contentType("application/json").body(train).post("/training-jobs").then()
                .statusCode(202).extract().path("id");
        as(other).post("/training-jobs/" + accepted + "/cancel").then().statusCode(200);
    }

    /** Another team's object and a made-up id get the same answer: nothing tells that the object exists. */
    private static void assertRefusedAsUnknown(String key, String othersBody, String unknownBody) {
        var others = as(key).contentType("application/json").body(othersBody).post("/training-jobs").then()
                .statusCode(400).extract().jsonPath();
        var unknown = as(key).contentType("application/json").body(unknownBody).post("/training-jobs").then()
                .statusCode(400).extract().jsonPath();
        assertThat(others.getList("errors")).as(othersBody).isEqualTo(unknown.getList("errors"));
    }

    private static void storeTeamAsWork(UUID datasetId, UUID jobId, UUID modelId) {
        KnownDataset d = new KnownDataset();
        d.id = datasetId;
        d.name = "a's data";
        d.artifactUri = "file:/a.rfsq";
        d.sha256 = "0".repeat(64);
        d.users = 10;
        d.items = 10;
        d.receivedAt = Instant.now();
        d.team = "team-a";
        d.persist();
        TrainingJob job = new TrainingJob();
        job.id = jobId;
        job.datasetId = datasetId;
        job.datasetUri = d.artifactUri;
        job.architecture = "gru4rec";
        job.kind = TrainingKind.TRAIN;
        job.params = ResolvedParams.resolve(TrainingKind.TRAIN, "gru4rec", null, null, null, null, null, null);
        job.validationMetric = "ndcg@10";
        job.status = JobStatus.SUCCEEDED;
        job.createdAt = Instant.now();
        job.team = "team-a";
        job.persist();
        RegisteredModel m = new RegisteredModel();
        m.id = modelId;
        m.jobId = jobId;
        m.datasetId = datasetId;
        m.architecture = "gru4rec";
        m.kind = TrainingKind.TRAIN;
        m.hyperparameters = new ModelHyperparameters(null, null);
        m.lineage = java.util.Map.of();
        m.metrics = java.util.Map.of();
        m.artifactUri = "file:/a-model.rfm";
        m.sha256 = "0".repeat(64);
        m.validationMetric = "ndcg@10";
        m.createdAt = Instant.now();
        m.team = "team-a";
        m.persist();
    }

    private static RequestSpecification as(String key) {
        return given().header(ApiKeyAuthentication.HEADER, key);
    }
}
