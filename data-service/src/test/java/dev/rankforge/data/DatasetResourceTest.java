package dev.rankforge.data;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.rankforge.contracts.DatasetReady;
import dev.rankforge.data.messaging.Channels;
import dev.rankforge.infra.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class DatasetResourceTest {

    @Inject
    @Any
    InMemoryConnector connector;

    private InMemorySink<DatasetReady> events;

    @BeforeEach
    void clearEvents() {
        events = connector.sink(Channels.DATASET_EVENTS);
        events.clear();
    }

    @Test
    void syntheticDatasetIsStoredAnnouncedAndDeduplicated() throws Exception {
        String body = """
                {"name": "tiny", "users": 50, "items": 40, "meanLength": 8, "seed": 5}""";
        String id = given().contentType("application/json").body(body)
                .when().post("/datasets")
                .then().statusCode(201)
                .body("users", equalTo(50))
                .body("items", equalTo(40))
                .body("source", equalTo("SYNTHETIC"))
                .extract().path("id");

        assertThat(events.received()).hasSize(1);
        DatasetReady ready = events.received().get(0).getPayload();
        assertThat(ready.datasetId()).hasToString(id);
        assertThat(ready.schemaVersion()).isEqualTo(1);
        assertThat(Files.size(Path.of(URI.create(ready.artifactUri())))).isPositive();

        given().contentType("application/json").body(body)
                .when().post("/datasets")
                .then().statusCode(200).body("id", equalTo(id));
        assertThat(events.received()).as("no second announcement for the same content").hasSize(1);

        given().when().get("/datasets/" + id).then().statusCode(200).body("name", equalTo("tiny"));
        given().when().get("/datasets").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void movieLensUploadBuildsSequencesInTimeOrder() {
        // 6 users x 6 items, every user rates every item; user 1 in reverse time order.
        String ratings = IntStream.rangeClosed(1, 6).boxed().flatMap(user -> IntStream.rangeClosed(1, 6)
                        .mapToObj(item -> user + "::" + (100 + item) + "::4::" + (user == 1 ? 1000 - item : 1000 + item)))
                .collect(Collectors.joining("\n"));
        given().contentType("application/octet-stream").body(ratings.getBytes())
                .when().post("/datasets/movielens?name=ml-fixture")
                .then().statusCode(201)
                .body("users", equalTo(6))
                .body("items", equalTo(6))
                .body("interactions", equalTo(36))
                .body("source", equalTo("MOVIELENS_1M"));
        assertThat(events.received()).hasSize(1);
    }

    @Test
    void malformedRequestsAreRefusedWithProblemJsonAndStoreNothing() {
        long before = count();
        given().contentType("application/json").body("{\"name\": \"x\", \"users\": -3, \"items\": 40}")
                .when().post("/datasets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("users"));
        given().contentType("application/json").body("{\"name\": \"x\", \"users\": \"many\"}")
                .when().post("/datasets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("users"));
        given().contentType("application/json").body("{not json")
                .when().post("/datasets")
                .then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType("application/octet-stream").body("1::2::5::978300760\n1::oops::5\n".getBytes())
                .when().post("/datasets/movielens?name=bad")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("line 2"));
        given().when().get("/datasets/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
        assertThat(count()).isEqualTo(before);
        assertThat(events.received()).isEmpty();
    }

    private long count() {
        return given().when().get("/datasets").then().statusCode(200).extract().jsonPath().getList("id").size();
    }
}
