package dev.rankforge.data;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rankforge.infra.PostgresTestResource;
import dev.rankforge.service.auth.ApiKeyAuthentication;
import dev.rankforge.service.auth.ApiKeyStore;
import dev.rankforge.service.team.Teams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Datasets belong to the creating team: another team (even its admin) gets 404 for them on every path, lists none
 * of them, cannot derive from or delete them; identical content is each team's own version, and deleting one team's
 * version leaves the other's artifact readable. The operator key sees every team's; the service key acts for the
 * team it names.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class TeamOwnershipTest {
    private static final String SYNTHETIC = """
            {"name": "owned", "users": 40, "items": 30, "meanLength": 6, "seed": 77}""";

    @Inject
    ApiKeyStore keys;

    @Test
    void anotherTeamCannotSeeUseOrDeleteADataset() {
        String a = keys.create("alice", "team-a", Set.of("researcher", "admin")).key();
        String b = keys.create("bob", "team-b", Set.of("researcher", "admin")).key();
        String id = as(a).contentType("application/json").body(SYNTHETIC).post("/datasets").then().statusCode(201)
                .body("team", org.hamcrest.Matchers.equalTo("team-a")).extract().path("id");

        for (String path : List.of("/datasets/" + id, "/datasets/" + id + "/artifact")) {
            as(b).get(path).then().statusCode(404).contentType("application/problem+json");
        }
        assertThat(as(b).get("/datasets").then().statusCode(200).extract().<List<String>>path("id")).doesNotContain(id);
        as(b).contentType("application/json").body("{\"name\": \"mine\", \"profiles\": [[1, 2, 3]]}")
                .post("/datasets/" + id + "/derived").then().statusCode(404);
        as(b).delete("/datasets/" + id).then().statusCode(404);
        as(a).get("/datasets/" + id).then().statusCode(200);
        assertThat(as(a).get("/datasets").then().extract().<List<String>>path("id")).contains(id);

        // The same content stored by team B is B's own version; A's deletion leaves B's artifact in place.
        String bId = as(b).contentType("application/json").body(SYNTHETIC).post("/datasets").then().statusCode(201)
                .body("team", org.hamcrest.Matchers.equalTo("team-b")).extract().path("id");
        assertThat(bId).isNotEqualTo(id);
        as("test-admin-key").get("/datasets").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItems(id, bId));
        as(a).delete("/datasets/" + id).then().statusCode(204);
        as(b).get("/datasets/" + bId + "/artifact").then().statusCode(200);
    }

    @Test
    void theServiceKeyActsForTheTeamItNames() {
        String a = keys.create("carol", "team-c", Set.of("researcher")).key();
        String id = as(a).contentType("application/json").body(SYNTHETIC.replace("77", "78")).post("/datasets")
                .then().statusCode(201).extract().path("id");
        // For another team: no such dataset. For the owner: a derived version, owned by the owner.
        as("test-service-key").header(Teams.HEADER, "team-d").get("/datasets/" + id).then().statusCode(404);
        as("test-service-key").header(Teams.HEADER, "team-c").contentType("application/json")
                .body("{\"name\": \"poisoned\", \"profiles\": [[1, 2, 3]]}").post("/datasets/" + id + "/derived")
                .then().statusCode(201).body("team", org.hamcrest.Matchers.equalTo("team-c"));
        // Naming no team, the service key does the fleet's bookkeeping and sees every team's versions.
        as("test-service-key").get("/datasets/" + id).then().statusCode(200);
        // Anyone else's team header is ignored: the key's own team decides.
        String other = keys.create("dave", "team-d", Set.of("viewer")).key();
        as(other).header(Teams.HEADER, "team-c").get("/datasets/" + id).then().statusCode(404);
    }

    private static RequestSpecification as(String key) {
        return given().header(ApiKeyAuthentication.HEADER, key);
    }
}
