package dev.rankforge.attack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.rankforge.attack.messaging.Channels;
import dev.rankforge.contracts.AttackEvent;
import dev.rankforge.contracts.AttackRequest;
import dev.rankforge.contracts.JobStatus;
import dev.rankforge.contracts.SchemaVersion;
import dev.rankforge.core.artifact.LocalArtifactStore;
import dev.rankforge.core.artifact.StoredArtifact;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SequenceFile;
import dev.rankforge.core.data.SyntheticGenerator;
import dev.rankforge.core.data.SyntheticSpec;
import dev.rankforge.infra.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class AttackFlowTest {
    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    LocalArtifactStore artifacts;

    @Test
    void pollutionRequestFromKafkaRaisesTheTargetsHitRate() throws Exception {
        SequenceDataset data = SyntheticGenerator.generate(new SyntheticSpec(300, 80, 12, 1.0, 0.8, 4));
        TransitionVictimResource.data = data;
        StoredArtifact artifact = artifacts.put("datasets", ".rfsq", out -> SequenceFile.write(data, out));
        InMemorySink<AttackEvent> events = connector.sink(Channels.ATTACK_EVENTS);
        events.clear();

        UUID jobId = UUID.randomUUID();
        AttackRequest request = new AttackRequest(SchemaVersion.CURRENT, jobId, UUID.randomUUID(),
                UUID.randomUUID(), artifact.uri(), null, 3, 100, 10, 7L);
        connector.source(Channels.ATTACK_REQUESTS).send(request);
        connector.source(Channels.ATTACK_REQUESTS).send(request); // redelivery: still one job

        await().atMost(Duration.ofSeconds(60)).until(() -> events.received().stream()
                .anyMatch(m -> m.getPayload().status().isTerminal()));
        AttackEvent done = events.received().get(events.received().size() - 1).getPayload();
        assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.usersAttacked()).isEqualTo(100);
        assertThat(done.queries()).isEqualTo(200);
        assertThat(done.injectedItems()).isNotEmpty().hasSizeLessThanOrEqualTo(3).doesNotContain(done.targetItem());
        assertThat(done.hitRateAfter()).isGreaterThan(done.hitRateBefore());

        given().when().get("/attack-jobs/" + jobId).then().statusCode(200)
                .body("status", equalTo("SUCCEEDED"))
                .body("targetItem", equalTo(done.targetItem()));
        assertThat(given().when().get("/attack-jobs").then().extract().jsonPath().getList("id"))
                .filteredOn(id -> id.equals(jobId.toString())).hasSize(1);
    }

    @Test
    void malformedAttackRequestsAreRefused() {
        given().contentType("application/json")
                .body("{\"victimModelId\": \"" + UUID.randomUUID() + "\", \"datasetId\": \"" + UUID.randomUUID()
                        + "\", \"datasetUri\": \"file:/x\", \"k\": 0}")
                .when().post("/attack-jobs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("k"));
        given().contentType("application/json").body("{\"victimModelId\": 12}")
                .when().post("/attack-jobs")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
