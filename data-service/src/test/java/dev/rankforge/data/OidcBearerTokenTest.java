package dev.rankforge.data;

import static io.restassured.RestAssured.given;

import dev.rankforge.infra.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In a cluster, callers present bearer tokens of the fleet's identity provider instead of API keys: the roles come
 * from the token's {@code roles} claim (with what they imply) and a token not signed by the issuer is refused. The
 * issuer here is a key pair made for the test, its public key configured as an operator would.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@TestProfile(OidcBearerTokenTest.WithIssuer.class)
class OidcBearerTokenTest {
    private static final String ISSUER = "https://issuer.rankforge.test/realms/fleet";
    // Seeded: the profile (read when the application boots) and the test may see this class through two class loaders.
    private static final KeyPair ISSUER_KEYS = keyPair(1);

    /** OIDC on, verifying tokens locally with the issuer's public key (no discovery round trip). */
    public static final class WithIssuer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.public-key", Base64.getEncoder().encodeToString(ISSUER_KEYS.getPublic().getEncoded()),
                    "quarkus.oidc.token.issuer", ISSUER);
        }
    }

    @Test
    void rolesComeFromTheTokenAndForeignSignaturesAreRefused() throws Exception {
        String viewer = token(ISSUER_KEYS, List.of("viewer"));
        given().auth().oauth2(viewer).get("/datasets").then().statusCode(200);
        given().auth().oauth2(viewer).contentType("application/json").body("{}").post("/datasets").then()
                .statusCode(403);
        String admin = token(ISSUER_KEYS, List.of("admin"));
        given().auth().oauth2(admin).contentType("application/json").body("{}").post("/datasets").then()
                .statusCode(400); // past the role check (admin implies researcher), refused as an empty spec
        given().auth().oauth2(token(keyPair(2), List.of("admin"))).get("/datasets").then().statusCode(401);
        given().header("X-Rankforge-Key", "test-admin-key").get("/datasets").then().statusCode(200);
    }

    private static String token(KeyPair signer, List<String> roles) {
        return Jwt.issuer(ISSUER).upn("alice@fleet").claim("roles", roles).claim("team", "team-a")
                .expiresIn(300).jws().keyId("test").sign(signer.getPrivate());
    }

    private static KeyPair keyPair(long seed) {
        try {
            java.security.SecureRandom random = java.security.SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
