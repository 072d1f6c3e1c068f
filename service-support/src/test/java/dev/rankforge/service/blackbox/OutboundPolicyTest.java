package dev.rankforge.service.blackbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankforge.service.problem.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which black boxes a service may call: its own API, the allow-list, and never the cluster's insides by accident. */
class OutboundPolicyTest {
    private static final String OWN = "http://trainer:8082";

    private static void refused(OutboundPolicy policy, String url, String reason) {
        assertThatThrownBy(() -> policy.check(url, "extraction.target.url")).as(url)
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.errors()).singleElement().satisfies(f -> {
                        assertThat(f.field()).isEqualTo("extraction.target.url");
                        assertThat(f.reason()).contains(reason);
                    });
                });
    }

    @Test
    void byDefaultOnlyOurOwnBlackBoxApiIsAllowed() {
        OutboundPolicy policy = OutboundPolicy.ownOnly(OWN);
        assertThatCode(() -> policy.check(OWN + "/models/1/recommend", "f")).doesNotThrowAnyException();
        refused(policy, "http://8.8.8.8/recommend", "not on the outbound allow-list");
        refused(policy, "http://127.0.0.1:8082/models/1/recommend", "internal address");
        refused(policy, "http://trainer:8082@evil.invalid/x", "cannot be resolved"); // userinfo is no way around it
    }

    @Test
    void internalAddressesNeedAnExplicitEntryEvenWhenAnyPublicHostIsAllowed() {
        OutboundPolicy policy = new OutboundPolicy(List.of(OWN), List.of("*"));
        assertThatCode(() -> policy.check("http://8.8.8.8/recommend", "f")).doesNotThrowAnyException();
        for (String url : List.of("http://169.254.169.254/latest/meta-data", "http://10.0.0.7/r", "http://172.16.3.1/r",
                "http://192.168.1.1/r", "http://100.64.0.1/r", "http://[::1]/r", "http://[fd00::1]/r", "http://0.0.0.0/r",
                "http://localhost/r")) {
            refused(policy, url, "internal address");
        }
    }

    @Test
    void hostsDomainsAndRangesOnTheListAreAllowed() {
        OutboundPolicy policy = new OutboundPolicy(List.of(OWN), List.of("localhost", "10.1.0.0/16", " 8.8.4.0/24 "));
        assertThatCode(() -> policy.check("http://localhost:9000/recommend", "f")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("http://10.1.200.3/recommend", "f")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("http://8.8.4.4/recommend", "f")).doesNotThrowAnyException();
        refused(policy, "http://10.2.0.1/recommend", "internal address");
        refused(policy, "http://8.8.8.8/recommend", "not on the outbound allow-list");
        assertThatThrownBy(() -> new OutboundPolicy(List.of(OWN), List.of("10.0.0.0/40")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
