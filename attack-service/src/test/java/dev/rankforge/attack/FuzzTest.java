package dev.rankforge.attack;

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
 * problem+json, the service still ready and no attack job stored. Counts in target/fuzz-attack-service.json.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class FuzzTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void malformedBodiesGetProblemJson4xxAndStoreNothing() throws Exception {
        RequestFuzzer.requireRefusedAndNothingStored("attack-service", base.toString(), ApiKeyAuthentication.HEADER,
                "test-admin-key", "/attack-jobs", java.util.Set.of());
    }
}
