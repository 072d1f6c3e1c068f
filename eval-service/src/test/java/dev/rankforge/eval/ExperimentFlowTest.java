package dev.rankforge.eval;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.rankforge.contracts.AttackEvent;
import dev.rankforge.contracts.AttackRequest;
import dev.rankforge.contracts.EvalEvent;
import dev.rankforge.contracts.EvalRequest;
import dev.rankforge.contracts.JobStatus;
import dev.rankforge.contracts.SchemaVersion;
import dev.rankforge.contracts.TrainingEvent;
import dev.rankforge.contracts.TrainingKind;
import dev.rankforge.contracts.TrainingRequest;
import dev.rankforge.core.artifact.LocalArtifactStore;
import dev.rankforge.core.artifact.StoredArtifact;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SequenceFile;
import dev.rankforge.core.data.SyntheticGenerator;
import dev.rankforge.core.data.SyntheticSpec;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.core.nn.Architectures;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.train.SequenceTrainer;
import dev.rankforge.core.train.TrainConfig;
import dev.rankforge.core.train.TrainingListener;
import dev.rankforge.eval.messaging.Channels;
import dev.rankforge.infra.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The experiment plan driven by events. Evaluation runs for real in this service; the training and attack
 * services' answers are the events they would publish.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class ExperimentFlowTest {
    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    LocalArtifactStore artifacts;

    @Test
    void experimentRunsEveryStepAndReportsResults() throws Exception {
        SequenceDataset data = SyntheticGenerator.generate(new SyntheticSpec(300, 80, 12, 1.0, 0.8, 2));
        StoredArtifact dataset = artifacts.put("datasets", ".rfsq", out -> SequenceFile.write(data, out));
        StoredArtifact model;
        try (ScoringModel trained = new SequenceTrainer(new TrainConfig(12, 64, 5e-3f, 0f, 5f, 12, 0, 1, "cpu"))
                .train(new ModelSpec(Architectures.GRU4REC, data.numItems(), 32, 32, 20), data,
                        TrainingListener.NONE, () -> false).model()) {
            model = artifacts.put("models", ".rfmd", trained::save);
        }
        InMemorySink<TrainingRequest> trainingRequests = connector.sink(Channels.TRAINING_REQUESTS);
        InMemorySink<EvalRequest> evalRequests = connector.sink(Channels.EVAL_REQUESTS_OUT);
        InMemorySink<EvalEvent> evalEvents = connector.sink(Channels.EVAL_EVENTS);
        InMemorySink<AttackRequest> attackRequests = connector.sink(Channels.ATTACK_REQUESTS);
        UUID datasetId = UUID.randomUUID();

        String experimentId = given().contentType("application/json").body("""
                {"name": "flow", "dataset": {"existing": {"id": "%s", "artifactUri": "%s"}},
                 "attack": {"maxUsers": 50}}""".formatted(datasetId, dataset.uri()))
                .when().post("/experiments")
                .then().statusCode(202).extract().path("id");

        await().atMost(Duration.ofSeconds(20)).until(() -> !trainingRequests.received().isEmpty());
        TrainingRequest train = trainingRequests.received().get(0).getPayload();
        assertThat(train.datasetUri()).isEqualTo(dataset.uri());
        assertThat(train.architecture()).isEqualTo("gru4rec");

        UUID modelId = UUID.randomUUID();
        connector.source(Channels.TRAINING_EVENTS).send(new TrainingEvent(SchemaVersion.CURRENT, train.jobId(),
                TrainingKind.TRAIN, null, JobStatus.RUNNING, 1, 2, 4.2, "ndcg@10", 0.1, 900.0, null, null, null, null, null,
                Instant.now()));
        connector.source(Channels.TRAINING_EVENTS).send(new TrainingEvent(SchemaVersion.CURRENT, train.jobId(),
                TrainingKind.TRAIN, null, JobStatus.SUCCEEDED, 2, 2, 3.9, "ndcg@10", 0.2, null, null, modelId, model.uri(),
                model.sha256(), null, Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> !evalRequests.received().isEmpty());
        EvalRequest evalRequest = evalRequests.received().get(0).getPayload();
        connector.source(Channels.EVAL_REQUESTS).send(evalRequest);
        connector.source(Channels.EVAL_REQUESTS).send(evalRequest); // redelivery: one job
        await().atMost(Duration.ofSeconds(60)).until(() -> !evalEvents.received().isEmpty());
        EvalEvent evaluated = evalEvents.received().get(0).getPayload();
        assertThat(evaluated.status()).as(String.valueOf(evaluated.error())).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(evaluated.protocol()).isEqualTo("full-ranking");
        assertThat(evaluated.usersEvaluated()).isEqualTo(300);
        assertThat(evaluated.modelMetrics().get("ndcg@10")).isGreaterThan(evaluated.popularityMetrics().get("ndcg@10"));
        connector.source(Channels.EVAL_EVENTS_IN).send(evaluated);

        await().atMost(Duration.ofSeconds(20)).until(() -> !attackRequests.received().isEmpty());
        AttackRequest attack = attackRequests.received().get(0).getPayload();
        assertThat(attack.victim().modelId()).isEqualTo(modelId);
        assertThat(attack.params().maxUsers()).isEqualTo(50);
        assertThat(attack.params().chooser()).isEqualTo("popular");
        Map<String, Map<String, Double>> before = Map.of("full-ranking", Map.of("hr@10", 0.02));
        Map<String, Map<String, Double>> after = Map.of("full-ranking", Map.of("hr@10", 0.9));
        connector.source(Channels.ATTACK_EVENTS).send(new AttackEvent(SchemaVersion.CURRENT, attack.jobId(),
                JobStatus.SUCCEEDED, "pollution", "popular", "ITEM_POPULARITY", 1,
                List.of(new AttackEvent.TargetResult(7, 50, before, after, List.of(7, 3), 200L)), before, after, 200L,
                "MEASURING", null, null, Instant.now()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().when().get("/experiments/" + experimentId).then().statusCode(200)
                        .body("status", equalTo("SUCCEEDED")));
        given().when().get("/experiments/" + experimentId).then()
                .body("steps.status", org.hamcrest.Matchers.everyItem(equalTo("SUCCEEDED")))
                .body("results.evaluation.protocol", equalTo("full-ranking"))
                .body("results.attack.meanAfter.'full-ranking'.'hr@10'", equalTo(0.9f));
        given().when().get("/eval-jobs/" + evalRequest.jobId()).then().statusCode(200)
                .body("status", equalTo("SUCCEEDED"));
        assertThat(given().when().get("/eval-jobs").then().extract().jsonPath().getList("id"))
                .filteredOn(id -> id.equals(evalRequest.jobId().toString())).hasSize(1);
    }

    @Test
    void malformedExperimentsAreRefused() {
        given().contentType("application/json").body("""
                {"name": "x", "dataset": {"synthetic": {"users": 100, "items": 50},
                 "existing": {"id": "%s", "artifactUri": "file:/x"}}}""".formatted(UUID.randomUUID()))
                .when().post("/experiments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("dataset"));
        given().contentType("application/json").body("{\"dataset\": {\"synthetic\": {\"users\": 1}}}")
                .when().post("/experiments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name"));
        given().contentType("application/json").body("{\"modelId\": \"nope\"}")
                .when().post("/eval-jobs")
                .then().statusCode(400).contentType("application/problem+json");
        given().when().get("/experiments/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
