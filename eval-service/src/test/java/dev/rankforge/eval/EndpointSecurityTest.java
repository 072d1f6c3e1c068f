package dev.rankforge.eval;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rankforge.infra.OpenApiSecurity;
import dev.rankforge.infra.PostgresTestResource;
import dev.rankforge.service.auth.ApiKeyAuthentication;
import dev.rankforge.service.auth.ApiKeyStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * eval-service's endpoints with real API keys: every operation in its OpenAPI document declares a role except the
 * public list; no key is 401, a viewer reads but cannot write (403), a revoked or forged key is 401.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class EndpointSecurityTest {
    private static final String KEY = ApiKeyAuthentication.HEADER;
    // The test's stand-in for trainer-service (TestTrainerJobs), not part of eval-service.
    private static final Set<String> PUBLIC = Set.of("GET /test-trainer/training-jobs/{id}",
            "POST /test-trainer/training-jobs/{id}/cancel", "GET /test-data-service/datasets/{id}");

    @Inject
    ApiKeyStore keys;

    @Test
    void everyOperationDeclaresARoleExceptThePublicOnes() throws Exception {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertThat(OpenApiSecurity.operations(document)).as("the operations read").hasSizeGreaterThanOrEqualTo(13);
        assertThat(OpenApiSecurity.unsecured(document, PUBLIC)).as("operations open to anyone").isEmpty();
    }

    @Test
    void rolesAreEnforcedWithRealKeys() {
        given().get("/experiments").then().statusCode(401).header("WWW-Authenticate", org.hamcrest.Matchers.containsString(KEY));
        ApiKeyStore.Created viewer = keys.create("reader", "team-a", Set.of("viewer"));
        given().header(KEY, viewer.key()).get("/experiments").then().statusCode(200);
        given().header(KEY, viewer.key()).contentType("application/json").body("{}").post("/experiments").then()
                .statusCode(403).contentType("application/problem+json");
        given().header(KEY, "test-admin-key").contentType("application/json").body("{}").post("/experiments").then()
                .statusCode(org.hamcrest.Matchers.not(org.hamcrest.Matchers.oneOf(401, 403)));
        assertThat(keys.revoke(viewer.stored().id())).isTrue();
        given().header(KEY, viewer.key()).get("/experiments").then().statusCode(401);
        given().header(KEY, "rfk_forged").get("/experiments").then().statusCode(401);
    }

    @Test
    void planStepsThatAttackNeedTheAttackerRoleBecauseTheirKafkaRequestsAreTrusted() {
        String researcher = keys.create("planner", "team-a", Set.of("researcher")).key();
        String attack = "{\"name\": \"p\", \"steps\": {\"hit\": {\"kind\": \"attack\"}}}";
        given().header(KEY, researcher).contentType("application/json").body(attack).post("/experiments").then()
                .statusCode(403).body("detail", org.hamcrest.Matchers.containsString("'hit'"));
        String extractEndpoint = "{\"name\": \"p\", \"steps\": {\"x\": {\"kind\": \"extract\", "
                + "\"target\": {\"url\": \"https://recsys.example.com/recommend\"}}}}";
        given().header(KEY, researcher).contentType("application/json").body(extractEndpoint).post("/experiments")
                .then().statusCode(403);
        String attacker = keys.create("red-team", "team-a", Set.of("attacker")).key();
        given().header(KEY, attacker).contentType("application/json").body(attack).post("/experiments").then()
                .statusCode(400); // past the role check: refused as an incomplete plan
    }

    @Test
    void anAdminCreatesListsAndRevokesKeysThatEveryServiceAccepts() {
        String created = given().header(KEY, "test-admin-key").contentType("application/json")
                .body("{\"name\": \"ci\", \"team\": \"team-b\", \"roles\": [\"researcher\"]}")
                .post("/api-keys").then().statusCode(201)
                .body("team", org.hamcrest.Matchers.equalTo("team-b"))
                .body("key", org.hamcrest.Matchers.startsWith("rfk_")).extract().path("key");
        String id = given().header(KEY, "test-admin-key").get("/api-keys").then().statusCode(200)
                .body("find { it.name == 'ci' }.roles", org.hamcrest.Matchers.contains("researcher"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(created)))
                .extract().path("find { it.name == 'ci' }.id");
        given().header(KEY, created).get("/experiments").then().statusCode(200);
        given().header(KEY, created).get("/api-keys").then().statusCode(403);
        given().header(KEY, "test-admin-key").contentType("application/json")
                .body("{\"name\": \"x\", \"team\": \"team-b\", \"roles\": [\"overlord\"]}")
                .post("/api-keys").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("roles[0]"));
        given().header(KEY, "test-admin-key").delete("/api-keys/" + id).then().statusCode(204);
        given().header(KEY, created).get("/experiments").then().statusCode(401);
        given().header(KEY, "test-admin-key").delete("/api-keys/" + id).then().statusCode(404);
    }

    @Test
    void aPlanStepBiggerThanTheCallersRolesAllowIsRefusedWithItsPathAndTheLimitNamed() {
        String researcher = keys.create("modest", "team-a", Set.of("researcher")).key();
        String plan = """
                {"name": "big", "steps": {
                  "data":   {"kind": "dataset", "synthetic": {"users": 100, "items": 50}},
                  "victim": {"kind": "train", "dataset": "data", "params": {"epochs": 100000}}}}""";
        given().header(KEY, researcher).contentType("application/json").body(plan).post("/experiments").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("steps.victim.params.epochs"))
                .body("errors[0].reason", org.hamcrest.Matchers.containsString("RANKFORGE_LIMITS_RESEARCHER_MAX_EPOCHS"));
    }
}
