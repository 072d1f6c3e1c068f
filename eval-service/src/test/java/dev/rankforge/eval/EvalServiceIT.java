package dev.rankforge.eval;

import static dev.rankforge.infra.ServiceItSettings.ADMIN_KEY;
import static dev.rankforge.infra.ServiceItSettings.ARTIFACTS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rankforge.contracts.EvalRequest;
import dev.rankforge.contracts.SchemaVersion;
import dev.rankforge.contracts.Topics;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SequenceFile;
import dev.rankforge.core.data.SyntheticGenerator;
import dev.rankforge.core.data.SyntheticSpec;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.core.nn.Architectures;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.train.ProgressListener;
import dev.rankforge.core.train.SequenceTrainer;
import dev.rankforge.core.train.TrainConfig;
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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * eval-service as it is built (the packaged jar) in its production profile, over a real PostgreSQL and a real
 * Kafka broker: an EvalRequest on eval-requests is evaluated once (a redelivery starts nothing twice) and its
 * metrics announced on eval-events, also behind a message that cannot be read (parked on eval-requests-dlq with its
 * bytes); a request that names no model goes to eval-requests-dlq too.
 */
@QuarkusIntegrationTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ServiceItSettings.class)
class EvalServiceIT {
    @Test
    void aRequestOnKafkaIsEvaluatedOnceAndItsMetricsAnnouncedAfterAPoisonPill() throws Exception {
        String garbageKey = KafkaTestClients.sendUnreadable(Topics.EVAL_REQUESTS, "not json at all");
        LocalArtifactStore artifacts = new LocalArtifactStore(ARTIFACTS);
        SequenceDataset data = SyntheticGenerator.generate(new SyntheticSpec(150, 40, 8, 1.0, 0.8, 3));
        StoredArtifact dataset = artifacts.put("datasets", ".rfsq", out -> SequenceFile.write(data, out));
        StoredArtifact model;
        try (ScoringModel trained = new SequenceTrainer(new TrainConfig(2, 64, 5e-3f, 0f, 5f, 2, 0, 1, "cpu"))
                .train(new ModelSpec(Architectures.GRU4REC, data.numItems(), 16, 16, 20), data,
                        ProgressListener.NONE, () -> false).model()) {
            model = artifacts.put("models", ".rfmd", trained::save);
        }
        UUID jobId = UUID.randomUUID();
        EvalRequest request = new EvalRequest(SchemaVersion.CURRENT, jobId, UUID.randomUUID(), model.uri(),
                UUID.randomUUID(), dataset.uri(), null);
        KafkaTestClients.send(Topics.EVAL_REQUESTS, jobId.toString(), request);
        KafkaTestClients.send(Topics.EVAL_REQUESTS, jobId.toString(), request); // redelivery

        JsonNode done = KafkaTestClients.awaitMessage(Topics.EVAL_EVENTS, jobId.toString(),
                e -> e.path("status").asText().matches("SUCCEEDED|FAILED"), Duration.ofMinutes(2));
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        double ndcg = done.path("modelMetrics").path("ndcg@10").asDouble(-1);
        assertThat(ndcg).as(done.toString()).isBetween(0.0, 1.0);
        given().header(ApiKeyAuthentication.HEADER, ADMIN_KEY).when().get("/eval-jobs/" + jobId).then()
                .statusCode(200).body("status", equalTo("SUCCEEDED"))
                .body("modelMetrics.'ndcg@10'", equalTo((float) ndcg));
        assertThat(KafkaTestClients.awaitRecord(Topics.EVAL_REQUESTS + Topics.DEAD_LETTER_SUFFIX, garbageKey,
                Duration.ofMinutes(1)).headers()).containsEntry("deserialization-failure-data", "not json at all");
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aRequestNamingNoModelGoesToTheDeadLetterTopic() throws Exception {
        UUID jobId = UUID.randomUUID();
        KafkaTestClients.send(Topics.EVAL_REQUESTS, jobId.toString(), new EvalRequest(SchemaVersion.CURRENT, jobId,
                null, null, UUID.randomUUID(), "file:/nowhere.rfsq", null));
        JsonNode dead = KafkaTestClients.awaitMessage(Topics.EVAL_REQUESTS + Topics.DEAD_LETTER_SUFFIX,
                jobId.toString(), m -> true, Duration.ofMinutes(1));
        assertThat(dead.path("jobId").asText()).isEqualTo(jobId.toString());
        given().header(ApiKeyAuthentication.HEADER, ADMIN_KEY).when().get("/eval-jobs/" + jobId).then()
                .statusCode(404);
    }
}
