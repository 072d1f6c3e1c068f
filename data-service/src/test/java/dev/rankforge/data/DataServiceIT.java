package dev.rankforge.data;

import static dev.rankforge.infra.ServiceItSettings.ADMIN_KEY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rankforge.contracts.Topics;
import dev.rankforge.infra.KafkaTestClients;
import dev.rankforge.infra.KafkaTestResource;
import dev.rankforge.infra.PostgresTestResource;
import dev.rankforge.infra.ServiceItSettings;
import dev.rankforge.service.auth.ApiKeyAuthentication;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * data-service as it is built — the packaged jar in {@code verify}, the native binary with {@code -Dnative} where
 * GraalVM or Mandrel is installed — over a real PostgreSQL and a real Kafka broker, in its production profile:
 * a dataset generated through the API is stored, served back and announced on dataset-events under its id, bad
 * input is a problem+json naming the field, and health and the OpenAPI document are up. This exercises what a
 * native image gets wrong first: Jackson on records (REST bodies, the outbox's JSON, Kafka payloads), Hibernate
 * and Flyway's migrations as resources.
 */
@QuarkusIntegrationTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ServiceItSettings.class)
class DataServiceIT {
    @Test
    void aGeneratedDatasetIsStoredServedAndAnnouncedUnderItsId() throws Exception {
        String id = given().header(ApiKeyAuthentication.HEADER, ADMIN_KEY).contentType("application/json")
                .body(Map.of("name", "it-synthetic", "users", 60, "items", 40, "meanLength", 8, "seed", 7))
                .when().post("/datasets").then().statusCode(201).extract().path("id");
        given().header(ApiKeyAuthentication.HEADER, ADMIN_KEY).when().get("/datasets/" + id).then().statusCode(200)
                .body("name", equalTo("it-synthetic")).body("users", equalTo(60));

        JsonNode announced = KafkaTestClients.awaitMessage(Topics.DATASET_EVENTS, id, m -> true,
                Duration.ofSeconds(60)); // a DatasetReady keyed by the dataset's id
        assertThat(announced.path("datasetId").asText()).isEqualTo(id);
        assertThat(announced.path("users").asInt()).isEqualTo(60);
        assertThat(announced.path("artifactUri").asText()).isNotEmpty();
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndTheServiceIsHealthyAndDocumented() {
        given().header(ApiKeyAuthentication.HEADER, ADMIN_KEY).contentType("application/json")
                .body(Map.of("name", "too-few", "users", 3, "items", 40))
                .when().post("/datasets").then().statusCode(400).contentType("application/problem+json")
                .body(org.hamcrest.Matchers.containsString("users"));
        given().when().get("/datasets").then().statusCode(401);
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("Rankforge data-service"));
    }
}
