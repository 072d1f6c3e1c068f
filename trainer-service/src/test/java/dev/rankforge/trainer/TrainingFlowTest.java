package dev.rankforge.trainer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.rankforge.contracts.DatasetReady;
import dev.rankforge.contracts.JobStatus;
import dev.rankforge.contracts.SchemaVersion;
import dev.rankforge.contracts.TrainingEvent;
import dev.rankforge.contracts.TrainingParams;
import dev.rankforge.contracts.TrainingRequest;
import dev.rankforge.service.artifact.ArtifactStore;
import dev.rankforge.service.artifact.StoredArtifact;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SequenceFile;
import dev.rankforge.core.data.SyntheticGenerator;
import dev.rankforge.core.data.SyntheticSpec;
import dev.rankforge.infra.PostgresTestResource;
import dev.rankforge.trainer.messaging.Channels;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "tester", roles = {"viewer", "researcher", "attacker", "admin"})
@WithTestResource(PostgresTestResource.class)
class TrainingFlowTest {
    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    ArtifactStore artifacts;

    @Test
    void requestFromKafkaTrainsRegistersAndServesAModel() throws Exception {
        SequenceDataset data = SyntheticGenerator.generate(new SyntheticSpec(200, 60, 10, 1.0, 0.8, 9));
        StoredArtifact artifact = artifacts.put("datasets", ".rfsq", out -> SequenceFile.write(data, out));
        UUID datasetId = UUID.randomUUID();
        connector.source(Channels.DATASET_EVENTS).send(new DatasetReady(SchemaVersion.CURRENT, datasetId, "tiny",
                artifact.uri(), artifact.sha256(), data.numUsers(), data.numItems(), data.numInteractions(),
                Instant.now(), null));
        InMemorySink<TrainingEvent> events = connector.sink(Channels.TRAINING_EVENTS);
        events.clear();

        UUID jobId = UUID.randomUUID();
        TrainingRequest request = TrainingRequest.train(jobId, datasetId, null, "gru4rec",
                new TrainingParams(2, 16, 16, 64, 5e-3, 20, 1L, null, null, null, 5, "cosine", 1), null);
        connector.source(Channels.TRAINING_REQUESTS).send(request);
        connector.source(Channels.TRAINING_REQUESTS).send(request); // redelivery

        await().atMost(Duration.ofSeconds(90)).until(() -> events.received().stream()
                .anyMatch(m -> m.getPayload().status().isTerminal()));
        List<TrainingEvent> received = events.received().stream().map(m -> m.getPayload()).toList();
        TrainingEvent last = received.get(received.size() - 1);
        assertThat(last.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(last.modelUri()).startsWith("file:");
        assertThat(received).filteredOn(e -> e.epoch() != null && e.epoch() > 0 && e.status() == JobStatus.RUNNING)
                .hasSize(2);

        given().when().get("/training-jobs/" + jobId).then().statusCode(200)
                .body("status", equalTo("SUCCEEDED"))
                .body("params.windowStep", equalTo(5))
                .body("params.learningRateSchedule", equalTo("cosine"))
                .body("params.warmupEpochs", equalTo(1))
                .body("history", hasSize(2));
        given().when().get("/training-jobs").then().statusCode(200)
                .body("findAll { it.id == '" + jobId + "' }", hasSize(1));
        String modelId = last.modelId().toString();
        given().when().get("/models/" + modelId).then().statusCode(200)
                .body("jobId", equalTo(jobId.toString()))
                .body("sha256", equalTo(last.modelSha256()));

        List<Integer> history = List.of(data.sequence(0)[0], data.sequence(0)[1], data.sequence(0)[2]);
        List<Integer> top = given().contentType("application/json").header("X-Api-Key", "test-key")
                .body(new java.util.HashMap<>(java.util.Map.of("sequence", history, "k", 10)))
                .when().post("/models/" + modelId + "/recommend")
                .then().statusCode(200).extract().jsonPath().getList("items", Integer.class);
        assertThat(top).hasSize(10).doesNotContainAnyElementsOf(history).doesNotHaveDuplicates();

        given().contentType("application/json").header("X-Api-Key", "test-key").body("{\"sequences\": [[1, 2], [3]], \"k\": 5}")
                .when().post("/models/" + modelId + "/recommend/batch")
                .then().statusCode(200).body("items", hasSize(2)).body("items[1]", hasSize(5));

        given().contentType("application/json").header("X-Api-Key", "test-key").body("{\"sequence\": [1, 99999]}")
                .when().post("/models/" + modelId + "/recommend")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("sequence[1]"));
        given().contentType("application/json").header("X-Api-Key", "test-key").body("{\"sequence\": []}")
                .when().post("/models/" + modelId + "/recommend")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").header("X-Api-Key", "test-key").body("{\"sequence\": [1], \"k\": 500}")
                .when().post("/models/" + modelId + "/recommend")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("k"));
        String tooLong = "{\"sequence\": [" + "1,".repeat(1000) + "1]}"; // one item over RANKFORGE_TRAINER_MAX_HISTORY
        given().contentType("application/json").header("X-Api-Key", "test-key").body(tooLong)
                .when().post("/models/" + modelId + "/recommend")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("sequence"))
                .body("errors[0].reason", org.hamcrest.Matchers.containsString("RANKFORGE_TRAINER_MAX_HISTORY"));
        given().contentType("application/json").header("X-Api-Key", "test-key").body("{\"sequence\": [1]}")
                .when().post("/models/" + UUID.randomUUID() + "/recommend")
                .then().statusCode(404).contentType("application/problem+json");
        // Fine-tuning: a TRAIN job that starts from the registered model's weights.
        UUID fineTuneId = UUID.randomUUID();
        connector.source(Channels.TRAINING_REQUESTS).send(TrainingRequest.fineTune(fineTuneId, datasetId, null,
                "gru4rec", new TrainingParams(1, 16, 16, 64, 5e-3, 20, 1L, null, null, null, null, null, null), last.modelId(), null));
        await().atMost(Duration.ofSeconds(90)).until(() -> events.received().stream()
                .anyMatch(m -> m.getPayload().jobId().equals(fineTuneId) && m.getPayload().status().isTerminal()));
        double scratchFirstEpoch = given().get("/training-jobs/" + jobId).then().extract()
                .jsonPath().getDouble("history[0].validationScore");
        io.restassured.path.json.JsonPath tuned = given().get("/training-jobs/" + fineTuneId).then().statusCode(200)
                .body("status", equalTo("SUCCEEDED")).extract().jsonPath();
        assertThat(tuned.getDouble("history[0].validationScore")).as("starts from the trained weights")
                .isGreaterThan(scratchFirstEpoch);
        given().get("/models/" + tuned.getString("modelId")).then().statusCode(200)
                .body("lineage.fineTunedFrom", equalTo(modelId));
        given().contentType("application/json").header("X-Api-Key", "test-key")
                .body("{\"datasetId\": \"" + datasetId + "\", \"architecture\": \"gru4rec\", \"initialModelId\": \""
                        + UUID.randomUUID() + "\"}")
                .when().post("/training-jobs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("initialModelId"));
    }

    @Test
    void malformedTrainingRequestsAreRefused() {
        given().contentType("application/json").header("X-Api-Key", "test-key")
                .body("{\"datasetId\": \"" + UUID.randomUUID() + "\", \"architecture\": \"transformer-xl\"}")
                .when().post("/training-jobs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("architecture"));
        given().contentType("application/json").header("X-Api-Key", "test-key")
                .body("{\"datasetId\": \"" + UUID.randomUUID() + "\", \"architecture\": \"gru4rec\"}")
                .when().post("/training-jobs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("datasetId"));
        given().contentType("application/json").header("X-Api-Key", "test-key")
                .body("{\"datasetId\": \"" + UUID.randomUUID() + "\", \"architecture\": \"gru4rec\", "
                        + "\"params\": {\"epochs\": 0}}")
                .when().post("/training-jobs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("params.epochs"));
        given().contentType("application/json").header("X-Api-Key", "test-key").body("{\"architecture\": 7, \"datasetId\": \"not-a-uuid\"}")
                .when().post("/training-jobs")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
