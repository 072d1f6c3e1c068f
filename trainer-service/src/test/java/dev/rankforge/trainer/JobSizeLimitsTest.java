package dev.rankforge.trainer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.rankforge.infra.PostgresTestResource;
import dev.rankforge.service.auth.ApiKeyAuthentication;
import dev.rankforge.service.auth.ApiKeyStore;
import dev.rankforge.service.limits.JobLimits;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A job bigger than the caller's roles allow is refused before anything is stored, the field, the limit and the
 * setting named; the same job from a role with a higher limit (admin) is accepted.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class JobSizeLimitsTest {
    @Inject
    ApiKeyStore keys;

    @Inject
    JobLimits limits;

    @Test
    void epochsAndExtractionQueriesAreLimitedByRole() {
        String researcher = keys.create("small", "team-limits", Set.of("researcher")).key();
        String admin = keys.create("big", "team-limits", Set.of("admin")).key();
        int tooMany = limits.researcher().maxEpochs() + 1;
        String train = """
                {"datasetId": "%s", "datasetUri": "file:/limits.rfsq", "architecture": "gru4rec",
                 "params": {"epochs": %d}}""".formatted(UUID.randomUUID(), tooMany);
        given().header(ApiKeyAuthentication.HEADER, researcher).contentType("application/json").body(train)
                .post("/training-jobs").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("params.epochs"))
                .body("errors[0].reason", containsString("RANKFORGE_LIMITS_RESEARCHER_MAX_EPOCHS"));
        String id = given().header(ApiKeyAuthentication.HEADER, admin).contentType("application/json").body(train)
                .post("/training-jobs").then().statusCode(202).extract().path("id");
        given().header(ApiKeyAuthentication.HEADER, admin).post("/training-jobs/" + id + "/cancel").then()
                .statusCode(200);

        long sequences = limits.researcher().maxQueries() / 100 + 1; // × length 100: just past the query limit
        String extract = """
                {"kind": "EXTRACT", "datasetId": "%s", "datasetUri": "file:/limits.rfsq", "architecture": "gru4rec",
                 "extraction": {"sequences": %d, "length": 100, "target": {"modelId": "%s"}}}"""
                .formatted(UUID.randomUUID(), sequences, UUID.randomUUID());
        given().header(ApiKeyAuthentication.HEADER, researcher).contentType("application/json").body(extract)
                .post("/training-jobs").then().statusCode(400)
                .body("errors[0].field", equalTo("extraction"))
                .body("errors[0].reason", containsString("RANKFORGE_LIMITS_RESEARCHER_MAX_QUERIES"));
    }
}
