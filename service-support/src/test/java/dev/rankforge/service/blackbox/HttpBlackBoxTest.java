package dev.rankforge.service.blackbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared black-box client against a real HTTP server: retries of 5xx and 429 (honouring Retry-After), at-once
 * failure on other 4xx, exact answered/attempt counts, the key header (its value read from the named credential),
 * exclusions and candidate ranking.
 */
class HttpBlackBoxTest {
    private HttpServer server;
    private final List<Integer> script = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> bodies = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            int call = calls.getAndIncrement();
            int status = call < script.size() ? script.get(call) : 200;
            synchronized (bodies) {
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                keys.add(exchange.getRequestHeaders().getFirst("X-Api-Key"));
            }
            if (status == 429) {
                exchange.getResponseHeaders().add("Retry-After", "1");
            }
            byte[] body = (status == 200 ? "{\"items\": [3, 1, 2]}" : "{\"title\": \"no\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @TempDir
    Path credentialDir;
    private final MeterRegistry meters = new SimpleMeterRegistry();

    private HttpBlackBox client(int retries) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try {
            Files.writeString(credentialDir.resolve("partner-key"), "secret\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new HttpBlackBox(new BlackBoxEndpoint(base + "/recommend", null, "sequence", "k", "/items", "X-Api-Key",
                "partner-key", 2000, retries, 1, base + "/rank", "exclude"), new Credentials(credentialDir),
                new ObjectMapper(), meters);
    }

    @Test
    void retriesServerErrorsAndCountsAnswersAndAttempts() {
        script.addAll(List.of(503, 500));
        try (HttpBlackBox box = client(3)) {
            assertThat(box.recommend(List.of(new int[] {5, 6}), 3)).containsExactly(List.of(3, 1, 2));
            assertThat(box.answered()).isEqualTo(1);
            assertThat(box.attempts()).isEqualTo(3);
            assertThat(meters.get("rankforge.blackbox.requests").tag("outcome", "retried").timer().count())
                    .isEqualTo(2);
            assertThat(meters.get("rankforge.blackbox.requests").tag("outcome", "answered").timer().count())
                    .isEqualTo(1);
            assertThat(keys).containsOnly("secret");
            assertThat(bodies.get(0)).contains("\"sequence\":[5,6]").contains("\"k\":3");
        }
    }

    @Test
    void honoursRetryAfterOnTooManyRequests() {
        script.add(429);
        try (HttpBlackBox box = client(2)) {
            long started = System.nanoTime();
            assertThat(box.recommend(List.of(new int[] {1}), 3)).hasSize(1);
            assertThat((System.nanoTime() - started) / 1e6).as("waited for Retry-After: 1").isGreaterThan(950);
            assertThat(box.attempts()).isEqualTo(2);
        }
    }

    @Test
    void refusalsFailAtOnceAndExhaustedRetriesSayWhy() {
        script.add(401);
        try (HttpBlackBox box = client(3)) {
            assertThatThrownBy(() -> box.recommend(List.of(new int[] {1}), 3)).hasMessageContaining("HTTP 401");
            assertThat(box.attempts()).isEqualTo(1);
            assertThat(box.answered()).isZero();
        }
        calls.set(0);
        script.clear();
        script.addAll(List.of(503, 503, 503));
        try (HttpBlackBox box = client(2)) {
            assertThatThrownBy(() -> box.recommend(List.of(new int[] {1}), 3))
                    .hasMessageContaining("gave no answer after 3 attempts").hasMessageContaining("HTTP 503");
            assertThat(box.attempts()).isEqualTo(3);
        }
    }

    @Test
    void sendsExclusionsAndCandidatesToTheirEndpoints() {
        try (HttpBlackBox box = client(0)) {
            assertThat(box.excludesOnRequest()).isTrue();
            assertThat(box.ranksCandidates()).isTrue();
            box.recommend(List.of(new int[] {1, 2, 9}), List.of(new int[] {1, 2}), 3);
            box.rank(List.of(new int[] {1}), List.of(new int[] {3, 1, 2}));
            assertThat(bodies.get(0)).contains("\"exclude\":[1,2]");
            assertThat(bodies.get(1)).contains("\"candidates\":[3,1,2]");
        }
    }
}
