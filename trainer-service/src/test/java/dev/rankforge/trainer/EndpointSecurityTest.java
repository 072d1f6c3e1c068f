package dev.rankforge.trainer;

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
 * trainer-service's endpoints with real API keys: every operation in its OpenAPI document declares a role except the
 * public list; no key is 401, a viewer reads but cannot write (403), a revoked or forged key is 401.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class EndpointSecurityTest {
    private static final String KEY = ApiKeyAuthentication.HEADER;
    private static final Set<String> PUBLIC = Set.of("POST /models/{id}/recommend", "POST /models/{id}/rank", "POST /models/{id}/recommend/batch");

    @Inject
    ApiKeyStore keys;

    @Test
    void everyOperationDeclaresARoleExceptThePublicOnes() throws Exception {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertThat(OpenApiSecurity.operations(document)).as("the operations read").hasSizeGreaterThanOrEqualTo(9);
        assertThat(OpenApiSecurity.unsecured(document, PUBLIC)).as("operations open to anyone").isEmpty();
    }

    @Test
    void rolesAreEnforcedWithRealKeys() {
        given().get("/training-jobs").then().statusCode(401).header("WWW-Authenticate", org.hamcrest.Matchers.containsString(KEY));
        ApiKeyStore.Created viewer = keys.create("reader", "team-a", Set.of("viewer"));
        given().header(KEY, viewer.key()).get("/training-jobs").then().statusCode(200);
        given().header(KEY, viewer.key()).contentType("application/json").body("{}").post("/training-jobs").then()
                .statusCode(403).contentType("application/problem+json");
        given().header(KEY, "test-admin-key").contentType("application/json").body("{}").post("/training-jobs").then()
                .statusCode(org.hamcrest.Matchers.not(org.hamcrest.Matchers.oneOf(401, 403)));
        String attacker = keys.create("red-team", "team-a", Set.of("attacker")).key();
        given().header(KEY, attacker).contentType("application/json")
                .body("{\"datasetId\": \"" + java.util.UUID.randomUUID() + "\", \"architecture\": \"gru4rec\"}")
                .post("/training-jobs").then()
                .statusCode(403).body("detail", org.hamcrest.Matchers.containsString("researcher"));
        given().header(KEY, attacker).contentType("application/json")
                .body("{\"kind\": \"EXTRACT\", \"extraction\": {\"target\": {\"url\": \"https://recsys.example.com/r\"}}}")
                .post("/training-jobs").then().statusCode(400); // allowed to try; refused by the outbound policy
        assertThat(keys.revoke(viewer.stored().id())).isTrue();
        given().header(KEY, viewer.key()).get("/training-jobs").then().statusCode(401);
        given().header(KEY, "rfk_forged").get("/training-jobs").then().statusCode(401);
    }
}
