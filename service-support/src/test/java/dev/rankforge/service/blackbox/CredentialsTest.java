package dev.rankforge.service.blackbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankforge.contracts.BlackBoxTarget;
import dev.rankforge.service.problem.InvalidRequestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Targets name credentials; only a name that the service holds is accepted, and no path can escape its folder. */
class CredentialsTest {
    private static final String OWN = "http://trainer:8082";

    @TempDir
    Path dir;

    @Test
    void aNamedCredentialIsReadFreshAndNamesThatAreNotPlainAreRefused() throws Exception {
        Credentials credentials = new Credentials(dir);
        Files.writeString(dir.resolve("partner"), "first\n");
        assertThat(credentials.value("partner")).isEqualTo("first");
        Files.writeString(dir.resolve("partner"), "rotated");
        assertThat(credentials.value("partner")).as("read on use").isEqualTo("rotated");
        Files.writeString(dir.getParent().resolve("outside"), "x");
        assertThat(credentials.has("../outside")).isFalse();
        assertThatThrownBy(() -> credentials.value("absent")).hasMessageContaining("absent");
    }

    @Test
    void targetsCarryTheNameOnlyAndAnUnknownOrInlineSecretIsA400NamingTheField() throws Exception {
        Files.writeString(dir.resolve("partner"), "secret");
        Credentials credentials = new Credentials(dir);
        OutboundPolicy policy = OutboundPolicy.ownOnly(OWN);
        BlackBoxEndpoint resolved = BlackBoxEndpoints.resolve(target("X-Api-Key", "partner"), OWN, "victim", policy,
                credentials);
        assertThat(resolved.authCredential()).isEqualTo("partner");
        assertThat(resolved.toString()).doesNotContain("secret");
        assertField(() -> BlackBoxEndpoints.resolve(target("X-Api-Key", null), OWN, "victim", policy, credentials),
                "victim.authCredential", "never accepted inline");
        assertField(() -> BlackBoxEndpoints.resolve(target("X-Api-Key", "nobody"), OWN, "victim", policy, credentials),
                "victim.authCredential", "names no credential");
        assertField(() -> BlackBoxEndpoints.resolve(target("X-Api-Key", "../etc/passwd"), OWN, "victim", policy,
                credentials), "victim.authCredential", "letters, digits");
        assertField(() -> BlackBoxEndpoints.resolve(target(null, "partner"), OWN, "victim", policy, credentials),
                "victim.authHeader", "required with authCredential");
    }

    private static BlackBoxTarget target(String header, String credential) {
        return new BlackBoxTarget(null, UUID.randomUUID(), null, null, null, header, credential, null, null, null,
                null, null);
    }

    private static void assertField(Runnable call, String field, String reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidRequestException.class, e ->
                assertThat(e.errors()).anySatisfy(f -> {
                    assertThat(f.field()).isEqualTo(field);
                    assertThat(f.reason()).contains(reason);
                }));
    }
}
