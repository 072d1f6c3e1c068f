package dev.rankforge.data;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rankforge.contracts.Topics;
import dev.rankforge.infra.KafkaTestResource;
import dev.rankforge.infra.PostgresTestResource;
import dev.rankforge.service.auth.ApiKeyAuthentication;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
@WithTestResource(DataServiceIT.Settings.class)
class DataServiceIT {
    private static final String ADMIN_KEY = "rfk_it-admin-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The settings a deployment would give by environment: a bootstrap admin key, a local artifact directory. */
    public static final class Settings implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of("rankforge.auth.admin-key", ADMIN_KEY, "rankforge.artifacts.root", "target/it-artifacts",
                    "quarkus.log.console.json.enabled", "false");
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void aGeneratedDatasetIsStoredServedAndAnnouncedUnderItsId() throws Exception {
        String id = given().header(ApiKeyAuthentication.HEADER, ADMIN_KEY).contentType("application/json")
                .body(Map.of("name", "it-synthetic", "users", 60, "items", 40, "meanLength", 8, "seed", 7))
                .when().post("/datasets").then().statusCode(201).extract().path("id");
        given().header(ApiKeyAuthentication.HEADER, ADMIN_KEY).when().get("/datasets/" + id).then().statusCode(200)
                .body("name", equalTo("it-synthetic")).body("users", equalTo(60));

        JsonNode announced = null;
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.DATASET_EVENTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (announced == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (id.equals(record.key())) {
                        announced = JSON.readTree(record.value());
                    }
                }
            }
        }
        assertThat(announced).as("a DatasetReady keyed by the dataset's id").isNotNull();
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

    private static KafkaConsumer<String, String> consumer() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", KafkaTestResource.bootstrapServers());
        properties.put("group.id", "data-service-it");
        properties.put("auto.offset.reset", "earliest");
        properties.put("key.deserializer", StringDeserializer.class.getName());
        properties.put("value.deserializer", StringDeserializer.class.getName());
        return new KafkaConsumer<>(properties);
    }
}
