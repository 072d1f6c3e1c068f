package dev.rankforge.attack;

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
 * attack-service's endpoints with real API keys: every operation in its OpenAPI document declares a role except the
 * public list; no key is 401, a viewer reads but cannot write (403), a revoked or forged key is 401.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class EndpointSecurityTest {
    private static final String KEY = ApiKeyAuthentication.HEADER;
    // The test's stand-in for trainer-service (TestTrainerResource), not part of attack-service.
    private static final Set<String> PUBLIC = Set.of("GET /test-trainer/models/{id}",
            "POST /test-trainer/models/{id}/rank", "POST /test-trainer/models/{id}/recommend");

    @Inject
    ApiKeyStore keys;

    @Test
    void everyOperationDeclaresARoleExceptThePublicOnes() throws Exception {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertThat(OpenApiSecurity.operations(document)).as("the operations read").hasSizeGreaterThanOrEqualTo(3);
        assertThat(OpenApiSecurity.unsecured(document, PUBLIC)).as("operations open to anyone").isEmpty();
    }

    @Test
    void rolesAreEnforcedWithRealKeys() {
        given().get("/attack-jobs").then().statusCode(401).header("WWW-Authenticate", org.hamcrest.Matchers.containsString(KEY));
        ApiKeyStore.Created viewer = keys.create("reader", "team-a", Set.of("viewer"));
        given().header(KEY, viewer.key()).get("/attack-jobs").then().statusCode(200);
        given().header(KEY, viewer.key()).contentType("application/json").body("{}").post("/attack-jobs").then()
                .statusCode(403).contentType("application/problem+json");
        given().header(KEY, "test-admin-key").contentType("application/json").body("{}").post("/attack-jobs").then()
                .statusCode(org.hamcrest.Matchers.not(org.hamcrest.Matchers.oneOf(401, 403)));
        assertThat(keys.revoke(viewer.stored().id())).isTrue();
        given().header(KEY, viewer.key()).get("/attack-jobs").then().statusCode(401);
        given().header(KEY, "rfk_forged").get("/attack-jobs").then().statusCode(401);
    }

    @Test
    void anAttackOnMoreUsersThanTheCallersRolesAllowIsRefusedWithTheLimitNamed() {
        String attacker = keys.create("eager", "team-a", Set.of("attacker")).key();
        String attack = """
                {"method": "pollution", "victim": {"modelId": "%s"}, "datasetId": "%s", "datasetUri": "file:/d.rfsq",
                 "params": {"maxUsers": 100000000}}""".formatted(java.util.UUID.randomUUID(), java.util.UUID.randomUUID());
        given().header(KEY, attacker).contentType("application/json").body(attack).post("/attack-jobs").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("params.maxUsers"))
                .body("errors[0].reason", org.hamcrest.Matchers.containsString("RANKFORGE_LIMITS_ATTACKER_MAX_SEQUENCES"));
    }
}
