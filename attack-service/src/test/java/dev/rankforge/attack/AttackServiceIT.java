package dev.rankforge.attack;

import static dev.rankforge.infra.ServiceItSettings.ADMIN_KEY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rankforge.contracts.AttackRequest;
import dev.rankforge.contracts.BlackBoxTarget;
import dev.rankforge.contracts.SchemaVersion;
import dev.rankforge.contracts.Topics;
import dev.rankforge.infra.KafkaTestClients;
import dev.rankforge.infra.KafkaTestResource;
import dev.rankforge.infra.PostgresTestResource;
import dev.rankforge.infra.ServiceItSettings;
import dev.rankforge.service.auth.ApiKeyAuthentication;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * attack-service as it is built (the packaged jar) in its production profile, over a real PostgreSQL and a real
 * Kafka broker: a message it cannot read is parked on attack-requests-dlq with its bytes and the consumer goes on; a
 * request it cannot accept is answered on attack-events with a FAILED event naming the reason (its sender stops
 * waiting) and parked there too, with nothing stored; the service stays ready and documented. (Attacks that run need trainer-service's black-box API: local-stack's PipelineIT runs them.)
 */
@QuarkusIntegrationTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ServiceItSettings.class)
class AttackServiceIT {
    @Test
    void unreadableAndUnacceptableRequestsAreParkedOnTheDeadLetterTopicAndTheConsumerGoesOn() throws Exception {
        String garbageKey = KafkaTestClients.sendUnreadable(Topics.ATTACK_REQUESTS, "[1, 2");
        UUID jobId = UUID.randomUUID();
        AttackRequest request = new AttackRequest(SchemaVersion.CURRENT, jobId, "telepathy",
                BlackBoxTarget.ourModel(UUID.randomUUID()), null, UUID.randomUUID(),
                "file:/nowhere.rfsq", List.of(1), null, null);
        KafkaTestClients.send(Topics.ATTACK_REQUESTS, jobId.toString(), request);

        JsonNode failed = KafkaTestClients.awaitMessage(Topics.ATTACK_EVENTS, jobId.toString(),
                e -> e.path("status").asText().equals("FAILED"), Duration.ofMinutes(1));
        assertThat(failed.path("error").asText()).as(failed.toString()).contains("method");
        JsonNode dead = KafkaTestClients.awaitMessage(Topics.ATTACK_REQUESTS + Topics.DEAD_LETTER_SUFFIX,
                jobId.toString(), m -> true, Duration.ofMinutes(1));
        assertThat(dead.path("method").asText()).isEqualTo("telepathy");
        assertThat(KafkaTestClients.awaitRecord(Topics.ATTACK_REQUESTS + Topics.DEAD_LETTER_SUFFIX, garbageKey,
                Duration.ofMinutes(1)).headers()).containsEntry("deserialization-failure-data", "[1, 2");

        given().header(ApiKeyAuthentication.HEADER, ADMIN_KEY).when().get("/attack-jobs/" + jobId).then()
                .statusCode(404);
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("Rankforge attack-service"));
    }
}
