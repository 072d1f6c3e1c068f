package dev.rankforge.trainer;

import static dev.rankforge.infra.ServiceItSettings.ADMIN_KEY;
import static dev.rankforge.infra.ServiceItSettings.ARTIFACTS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rankforge.contracts.TrainingParams;
import dev.rankforge.contracts.TrainingRequest;
import dev.rankforge.contracts.Topics;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SequenceFile;
import dev.rankforge.core.data.SyntheticGenerator;
import dev.rankforge.core.data.SyntheticSpec;
import dev.rankforge.infra.KafkaTestClients;
import dev.rankforge.infra.KafkaTestResource;
import dev.rankforge.infra.PostgresTestResource;
import dev.rankforge.infra.ServiceItSettings;
import dev.rankforge.service.artifact.LocalArtifactStore;
import dev.rankforge.service.artifact.StoredArtifact;
import dev.rankforge.service.auth.ApiKeyAuthentication;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * trainer-service as it is built (the packaged jar) in its production profile, over a real PostgreSQL and a real
 * Kafka broker: a TrainingRequest on training-requests trains a model that training-events announces and the
 * black-box API serves, a redelivered request starts nothing twice, and a message that is not a request goes to
 * training-requests-dlq instead of stopping the consumer.
 */
@QuarkusIntegrationTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ServiceItSettings.class)
class TrainerServiceIT {
    @Test
    void aRequestOnKafkaTrainsAnnouncesAndServesAModelOnceAfterAPoisonPill() throws Exception {
        String garbageKey = KafkaTestClients.sendUnreadable(Topics.TRAINING_REQUESTS, "{\"jobId\": \"not a uuid\"");

        SequenceDataset data = SyntheticGenerator.generate(new SyntheticSpec(150, 40, 8, 1.0, 0.8, 5));
        StoredArtifact dataset = new LocalArtifactStore(ARTIFACTS).put("datasets", ".rfsq",
                out -> SequenceFile.write(data, out));
        UUID jobId = UUID.randomUUID();
        TrainingRequest request = TrainingRequest.train(jobId, UUID.randomUUID(), dataset.uri(), "gru4rec",
                new TrainingParams(2, 16, 16, 64, 5e-3, 20, 1L, null, null, null, null, null, null), null);
        KafkaTestClients.send(Topics.TRAINING_REQUESTS, jobId.toString(), request);
        KafkaTestClients.send(Topics.TRAINING_REQUESTS, jobId.toString(), request); // redelivery

        // The consumer went on past the message it could not read ...
        JsonNode done = KafkaTestClients.awaitMessage(Topics.TRAINING_EVENTS, jobId.toString(),
                e -> e.path("status").asText().matches("SUCCEEDED|FAILED|CANCELLED"), Duration.ofMinutes(3));
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        String modelId = done.path("modelId").asText();
        assertThat(done.path("modelUri").asText()).startsWith("file:");
        // ... and parked it with its bytes and the reason, for whoever replays it.
        KafkaTestClients.Received dead = KafkaTestClients.awaitRecord(
                Topics.TRAINING_REQUESTS + Topics.DEAD_LETTER_SUFFIX, garbageKey, Duration.ofMinutes(1));
        assertThat(dead.headers()).containsEntry("deserialization-failure-data", "{\"jobId\": \"not a uuid\"")
                .containsKey("dead-letter-reason");

        given().header(ApiKeyAuthentication.HEADER, ADMIN_KEY).when().get("/training-jobs/" + jobId).then()
                .statusCode(200).body("status", equalTo("SUCCEEDED")).body("attempts", equalTo(1))
                .body("history", hasSize(2));
        List<String> models = given().header(ApiKeyAuthentication.HEADER, ADMIN_KEY).when().get("/models").then()
                .statusCode(200).extract().path("findAll { it.jobId == '" + jobId + "' }.id");
        assertThat(models).as("one model for the job, however often it was requested").containsExactly(modelId);
        List<Integer> top = given().contentType("application/json").body(Map.of("sequence", List.of(1, 2, 3), "k", 5))
                .when().post("/models/" + modelId + "/recommend").then().statusCode(200).extract().path("items");
        assertThat(top).hasSize(5).doesNotContain(1, 2, 3);
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
