package dev.rankforge.data;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rankforge.infra.PostgresTestResource;
import dev.rankforge.infra.RequestFuzzer;
import dev.rankforge.service.auth.ApiKeyAuthentication;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * Every POST endpoint driven with generated malformed bodies (see {@link RequestFuzzer}): only 4xx answers, each
 * problem+json, the service still ready and no dataset stored. Counts in target/fuzz-data-service.json.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class FuzzTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void malformedBodiesGetProblemJson4xxAndStoreNothing() throws Exception {
        int before = stored();
        RequestFuzzer.Report report = RequestFuzzer.fuzz("data-service", base.toString(), ApiKeyAuthentication.HEADER,
                "test-admin-key", java.util.Set.of());

        String samples = String.join("\n", report.samples());
        assertThat(report.inputs()).as("20 per POST operation").isGreaterThanOrEqualTo(40);
        assertThat(report.accepted()).as(samples).isZero();
        assertThat(report.serverErrors()).as(samples).isZero();
        assertThat(report.withoutProblemJson()).as(samples).isZero();
        given().get("/q/health/ready").then().statusCode(200);
        assertThat(stored()).as("nothing stored").isEqualTo(before);
    }

    private static int stored() {
        return given().header(ApiKeyAuthentication.HEADER, "test-admin-key").get("/datasets").then().statusCode(200)
                .extract().path("size()");
    }
}
