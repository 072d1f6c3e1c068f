package dev.rankforge.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Drives every POST operation of a service's OpenAPI document with generated malformed bodies — wrong types,
 * truncated JSON, random and invalid UTF-8 bytes, fields of the wrong type or far out of range, huge arrays, deep
 * nesting, oversize bodies, a wrong content type — from a seeded generator, and counts the answers. Each service's
 * fuzz test asserts no 5xx, problem+json on every 4xx, the service still ready and nothing stored.
 */
public final class RequestFuzzer {
    /** Field names the services' request bodies use, so generated objects reach their validation. */
    private static final List<String> FIELDS = List.of("name", "users", "items", "meanLength", "seed", "jobId",
            "datasetId", "datasetUri", "kind", "architecture", "params", "epochs", "steps", "matrix", "method", "victim",
            "surrogateModelId", "targets", "profiles", "roles", "team", "extraction", "distillation", "teacherModelId",
            "modelId", "modelUri", "sequence", "k", "candidates", "path", "options", "exclude", "initialModelId");
    private static final int OVERSIZE_BYTES = 12 * 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Random random;
    private final String baseUrl;
    private final String keyHeader;
    private final String key;
    private final long seed;

    /** The counts, and the requests that were accepted, got a 5xx, or a 4xx without problem+json (20 at most). */
    public record Report(String service, long seed, int inputs, int accepted, int clientErrors, int serverErrors,
                         int withoutProblemJson, int closedOnOversize, Map<Integer, Integer> byStatus,
                         List<String> samples) {
    }

    public RequestFuzzer(String baseUrl, String keyHeader, String key, long seed) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.keyHeader = keyHeader;
        this.key = key;
        this.seed = seed;
        this.random = new Random(seed);
    }

    /**
     * Sends {@code perOperation} generated bodies to each POST operation of the OpenAPI document except those in
     * {@code skip} (a test's stand-ins for other services).
     */
    public Report run(String service, String openApiJson, int perOperation, java.util.Set<String> skip)
            throws Exception {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> samples = new ArrayList<>();
        int inputs = 0;
        int client = 0;
        int server = 0;
        int plain = 0;
        int closed = 0;
        int accepted = 0;
        for (String operation : OpenApiSecurity.operations(openApiJson).keySet()) {
            if (!operation.startsWith("POST ") || skip.contains(operation)) {
                continue;
            }
            String path = operation.substring(5).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (int i = 0; i < perOperation; i++) {
                Body body = body(i);
                HttpResponse<String> response = send(path, body);
                inputs++;
                if (response == null) {
                    closed++;
                    continue;
                }
                int status = response.statusCode();
                byStatus.merge(status, 1, Integer::sum);
                String type = response.headers().firstValue("Content-Type").orElse("");
                if (status < 400) {
                    accepted++; // a malformed body taken for a good one
                    sample(samples, operation, body, response);
                } else if (status >= 500) {
                    server++;
                    sample(samples, operation, body, response);
                } else if (status >= 400) {
                    client++;
                    if (!type.startsWith("application/problem+json")) {
                        plain++;
                        sample(samples, operation, body, response);
                    }
                }
            }
        }
        return new Report(service, seed, inputs, accepted, client, server, plain, closed, byStatus, samples);
    }

    /**
     * A service's whole fuzz run as its test does it: reads the OpenAPI document at {@code baseUrl}, sends 20 bodies
     * per POST operation (outside {@code skip}) with {@code key}, writes {@code target/fuzz-<service>.json}.
     */
    public static Report fuzz(String service, String baseUrl, String keyHeader, String key,
                              java.util.Set<String> skip) throws Exception {
        RequestFuzzer fuzzer = new RequestFuzzer(baseUrl, keyHeader, key, 20261202L);
        String openApi = fuzzer.http.send(HttpRequest.newBuilder(URI.create(fuzzer.baseUrl + "/q/openapi?format=json"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Report report = fuzzer.run(service, openApi, 20, skip);
        write(report, Path.of("target/fuzz-" + service + ".json"));
        System.out.println("fuzz " + service + ": " + report);
        return report;
    }

    /**
     * The check every service's FuzzTest makes: {@link #fuzz} answered only with problem+json 4xx (at least 20 bodies
     * per POST operation, of which a service has two or more), the service still ready, and the listing at
     * {@code listPath} (what the service stores) no longer than before. Throws an AssertionError with the samples.
     */
    public static void requireRefusedAndNothingStored(String service, String baseUrl, String keyHeader, String key,
                                                      String listPath, java.util.Set<String> skip) throws Exception {
        RequestFuzzer probe = new RequestFuzzer(baseUrl, keyHeader, key, 0);
        int before = probe.listed(listPath);
        Report report = fuzz(service, baseUrl, keyHeader, key, skip);
        String samples = String.join("\n", report.samples());
        require(report.inputs() >= 40, "20 inputs per POST operation, got " + report.inputs());
        require(report.accepted() == 0, report.accepted() + " malformed bodies accepted:\n" + samples);
        require(report.serverErrors() == 0, report.serverErrors() + " answered 5xx:\n" + samples);
        require(report.withoutProblemJson() == 0, report.withoutProblemJson() + " without problem+json:\n" + samples);
        int ready = probe.http.send(HttpRequest.newBuilder(URI.create(probe.baseUrl + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        require(ready == 200, "not ready after fuzzing: " + ready);
        int after = probe.listed(listPath);
        require(after == before, "fuzzing stored something at " + listPath + ": " + before + " before, " + after);
    }

    private int listed(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header(keyHeader, key).build(), HttpResponse.BodyHandlers.ofString());
        require(response.statusCode() == 200, "GET " + path + " answered " + response.statusCode());
        return new ObjectMapper().readTree(response.body()).size();
    }

    private static void require(boolean holds, String failure) {
        if (!holds) {
            throw new AssertionError(failure);
        }
    }

    /** Writes the report as JSON (e.g. under the module's target folder). */
    public static void write(Report report, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("service", report.service());
        out.put("seed", report.seed());
        out.put("inputsTried", report.inputs());
        out.put("accepted2xx", report.accepted());
        out.put("clientErrors4xx", report.clientErrors());
        out.put("serverErrors5xx", report.serverErrors());
        out.put("clientErrorsWithoutProblemJson", report.withoutProblemJson());
        out.put("oversizeRefusedByClosingTheConnection", report.closedOnOversize());
        out.put("byStatus", report.byStatus());
        out.put("samples", report.samples());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), out);
    }

    private record Body(String kind, String contentType, byte[] bytes) {
    }

    private Body body(int i) {
        List<Supplier<Body>> kinds = List.of(
                () -> json("wrong top-level type", pick("[]", "\"text\"", "42", "null", "true", "-1e309")),
                () -> json("truncated", "{\"name\": \"x\", \"" + pick(FIELDS) + "\": [1, {\"a\":"),
                () -> new Body("random bytes", "application/json", randomBytes(1 + random.nextInt(2000))),
                () -> new Body("invalid UTF-8", "application/json",
                        concat("{\"name\": \"".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28,
                                (byte) 0xFF, (byte) 0xFE}, "\"}".getBytes(StandardCharsets.UTF_8))),
                () -> json("wrong field types", wrongTypes()),
                () -> json("huge array", "{\"" + pick(FIELDS) + "\": [" + "[1,2,3],".repeat(150_000) + "[1]]}"),
                () -> json("deep nesting", "{\"" + pick(FIELDS) + "\": " + "[".repeat(50_000) + "]".repeat(50_000) + "}"),
                () -> json("long string", "{\"name\": \"" + "x".repeat(300_000) + "\", \"" + pick(FIELDS) + "\": \""
                        + "\\u0000".repeat(1000) + "\"}"),
                () -> new Body("oversize", "application/json", oversize()),
                () -> new Body("wrong content type", "text/plain", "name=x".getBytes(StandardCharsets.UTF_8)));
        return kinds.get(i % kinds.size()).get();
    }

    private String wrongTypes() {
        StringBuilder out = new StringBuilder("{");
        int fields = 1 + random.nextInt(6);
        for (int f = 0; f < fields; f++) {
            out.append(f == 0 ? "" : ",").append('"').append(pick(FIELDS)).append("\": ").append(pick(
                    "123456789012345678901234567890", "-2147483649", "1.5e308", "\"" + UUID.randomUUID() + "\"",
                    "{\"x\": {\"y\": [null, true]}}", "[\"a\", 1, null]", "\"\"", "\"../../etc/passwd\"",
                    "\"" + "é".repeat(50) + "\"", "-0.0", "false", "null"));
        }
        return out.append('}').toString();
    }

    private Body json(String kind, String text) {
        return new Body(kind, "application/json", text.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] oversize() {
        byte[] b = new byte[OVERSIZE_BYTES];
        java.util.Arrays.fill(b, (byte) ' ');
        b[0] = '[';
        b[b.length - 1] = ']';
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private HttpResponse<String> send(String path, Body body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", body.contentType()).header(keyHeader, key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            if (body.kind().equals("oversize")) {
                return null; // the server refused the body by closing the connection: counted apart
            }
            throw e;
        }
    }

    private static void sample(List<String> samples, String operation, Body body, HttpResponse<String> response) {
        if (samples.size() < 20) {
            String answer = response.body() == null ? "" : response.body();
            samples.add(operation + " [" + body.kind() + "] -> " + response.statusCode() + " "
                    + response.headers().firstValue("Content-Type").orElse("-") + " "
                    + answer.substring(0, Math.min(200, answer.length())));
        }
    }
}
