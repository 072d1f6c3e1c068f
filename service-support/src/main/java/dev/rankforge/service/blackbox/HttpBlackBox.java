package dev.rankforge.service.blackbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rankforge.core.model.BlackBox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.util.TypeLiteral;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A recommender reached over HTTP that answers one history with ranked item ids: the target of an EXTRACT job
 * and the victim of an attack (one client for both services).
 * The request body is {@code {<historyField>: [ids], <kField>: k}}, the ids are read at {@code itemsPointer}
 * in the response. Failed attempts (I/O errors, timeouts, 429 and 5xx) are retried by a SmallRye Fault Tolerance
 * guard with exponential backoff (100 ms doubling to 10 s), honouring {@code Retry-After}; other 4xx answers fail
 * at once. Queries are counted exactly: {@link #answered()}
 * counts queries that got an answer, {@link #attempts()} every HTTP request sent. When the endpoint has them,
 * explicit exclusions ({@code excludeField}) and candidate ranking ({@code rankUrl}) are offered too. Every attempt
 * is timed in {@code rankforge_blackbox_requests_seconds{host, outcome}} (outcome {@code answered}, {@code retried}
 * or {@code refused}); services open clients through {@link BlackBoxClients}.
 */
public final class HttpBlackBox implements BlackBox, AutoCloseable {
    private static final long MAX_BACKOFF_MS = 10_000;
    private static final TypeLiteral<List<Integer>> ANSWER = new TypeLiteral<>() { };

    private final BlackBoxEndpoint target;
    private final String authValue;
    private final ObjectMapper json;
    private final HttpClient client;
    private final ExecutorService pool;
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();
    private final Guard guard;
    private final java.util.Map<String, Timer> timers = new java.util.HashMap<>();

    /**
     * @param credentials where the value of the target's credential is read, once, here
     * @param meters      where attempts are timed
     */
    public HttpBlackBox(BlackBoxEndpoint target, Credentials credentials, ObjectMapper json, MeterRegistry meters) {
        this.target = target;
        String host = URI.create(target.url()).getHost();
        for (String outcome : java.util.List.of("answered", "retried", "refused")) {
            timers.put(outcome, Timer.builder("rankforge.blackbox.requests")
                    .description("HTTP attempts at black boxes, by outcome")
                    .tag("host", host).tag("outcome", outcome).register(meters));
        }
        this.authValue = target.authCredential() == null ? null : credentials.value(target.authCredential());
        this.json = json;
        this.guard = Guard.create()
                .withRetry().maxRetries(target.retries()).delay(100, ChronoUnit.MILLIS).jitter(0, ChronoUnit.MILLIS)
                .maxDuration(30, ChronoUnit.MINUTES).retryOn(RetryableFailure.class)
                .withExponentialBackoff().factor(2).maxDelay(MAX_BACKOFF_MS, ChronoUnit.MILLIS).done()
                .done()
                .build();
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(target.timeoutMs())).build();
        this.pool = Executors.newFixedThreadPool(target.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "black-box-query");
            thread.setDaemon(true);
            return thread;
        });
    }

    public long answered() {
        return answered.get();
    }

    public long attempts() {
        return attempts.get();
    }

    @Override
    public List<List<Integer>> recommend(List<int[]> histories, int k) {
        return all(histories.size(), i -> {
            ObjectNode body = history(histories.get(i));
            body.put(target.kField(), k);
            return body;
        }, target.url());
    }

    @Override
    public List<List<Integer>> recommend(List<int[]> histories, List<int[]> excluded, int k) {
        if (!excludesOnRequest()) {
            return BlackBox.super.recommend(histories, excluded, k);
        }
        return all(histories.size(), i -> {
            ObjectNode body = history(histories.get(i));
            body.put(target.kField(), k);
            ids(body.putArray(target.excludeField()), excluded.get(i));
            return body;
        }, target.url());
    }

    @Override
    public boolean excludesOnRequest() {
        return target.excludeField() != null;
    }

    @Override
    public List<List<Integer>> rank(List<int[]> histories, List<int[]> candidates) {
        if (!ranksCandidates()) {
            return BlackBox.super.rank(histories, candidates);
        }
        return all(histories.size(), i -> {
            ObjectNode body = history(histories.get(i));
            ids(body.putArray("candidates"), candidates.get(i));
            return body;
        }, target.rankUrl());
    }

    @Override
    public boolean ranksCandidates() {
        return target.rankUrl() != null;
    }

    private ObjectNode history(int[] history) {
        ObjectNode body = json.createObjectNode();
        ids(body.putArray(target.historyField()), history);
        return body;
    }

    private static void ids(ArrayNode array, int[] ids) {
        for (int id : ids) {
            array.add(id);
        }
    }

    private List<List<Integer>> all(int count, java.util.function.IntFunction<ObjectNode> body, String url) {
        List<Future<List<Integer>>> pending = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            pending.add(pool.submit(() -> query(body.apply(index), url)));
        }
        List<List<Integer>> out = new ArrayList<>(count);
        try {
            for (Future<List<Integer>> answer : pending) {
                out.add(answer.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.forEach(f -> f.cancel(true));
            throw new IllegalStateException("interrupted while querying the black box", e);
        } catch (ExecutionException e) {
            pending.forEach(f -> f.cancel(true));
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause.getMessage(), cause);
        }
        return out;
    }

    private List<Integer> query(ObjectNode body, String url) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMillis(target.timeoutMs()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        if (target.authHeader() != null) {
            request.header(target.authHeader(), authValue);
        }
        HttpRequest built = request.build();
        try {
            return guard.call(() -> attempt(built, url), ANSWER);
        } catch (RetryableFailure e) {
            throw new IllegalStateException("black box " + url + " gave no answer after " + (target.retries() + 1)
                    + " attempts; last: " + e.getMessage());
        }
    }

    /** One HTTP attempt; failures worth retrying (I/O, timeouts, 429, 5xx) throw {@link RetryableFailure}. */
    private List<Integer> attempt(HttpRequest request, String url) throws IOException, InterruptedException {
        attempts.incrementAndGet();
        HttpResponse<byte[]> response;
        long started = System.nanoTime();
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            time(started, "retried");
            throw new RetryableFailure("I/O error: " + e);
        }
        int status = response.statusCode();
        time(started, status == 200 ? "answered" : status == 429 || status >= 500 ? "retried" : "refused");
        if (status == 200) {
            answered.incrementAndGet();
            return parse(response.body());
        }
        String detail = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        if (status == 429 || status >= 500) {
            // Honour Retry-After by waiting here: the guard's backoff then adds its own (short) delay.
            long retryAfterMs = response.headers().firstValue("Retry-After").filter(v -> v.matches("\\d+"))
                    .map(v -> Long.parseLong(v) * 1000).orElse(0L);
            if (retryAfterMs > 0) {
                Thread.sleep(Math.min(MAX_BACKOFF_MS, retryAfterMs));
            }
            throw new RetryableFailure("HTTP " + status + ": " + abbreviate(detail));
        }
        throw new IllegalStateException("black box " + url + " refused a query with HTTP " + status
                + ": " + abbreviate(detail));
    }

    private void time(long startedNanos, String outcome) {
        timers.get(outcome).record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    /** A failed attempt the guard retries. */
    static final class RetryableFailure extends RuntimeException {
        RetryableFailure(String message) {
            super(message, null, false, false);
        }
    }

    private List<Integer> parse(byte[] body) throws IOException {
        JsonNode ids = json.readTree(body).at(target.itemsPointer());
        if (!ids.isArray()) {
            throw new IllegalStateException("black box answer has no id array at " + target.itemsPointer());
        }
        List<Integer> out = new ArrayList<>(ids.size());
        ids.forEach(id -> out.add(id.asInt()));
        return out;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
