package dev.rankforge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A small HTTP client for the services' REST APIs, as a user's script would call them, presenting an API key
 * ({@code X-Rankforge-Key}) with every request.
 */
public final class RankforgeClient {
    /** The header the services read management API keys from. */
    public static final String KEY_HEADER = "X-Rankforge-Key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String key;

    /** @param key the API key to present, or {@code null} for none (only public endpoints answer then) */
    public RankforgeClient(String key) {
        this.key = key;
    }

    /** An answer outside 2xx; carries the problem+json body. */
    public static final class ApiException extends IOException {
        private final int status;
        private final JsonNode body;

        ApiException(String method, String url, int status, JsonNode body) {
            super(method + " " + url + " answered " + status + ": " + body);
            this.status = status;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public JsonNode body() {
            return body;
        }
    }

    public JsonNode postJson(String url, Object body) throws IOException, InterruptedException {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public JsonNode get(String url) throws IOException, InterruptedException {
        return send(request(url).GET().build());
    }

    /** A text body (CSV, HTML) as it is. */
    public String getText(String url) throws IOException, InterruptedException {
        HttpRequest request = request(url).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new ApiException("GET", url, response.statusCode(), readOrText(response.body()));
        }
        return response.body();
    }

    /** Streams an interaction file (any format data-service detects, plain or compressed) to data-service. */
    public JsonNode uploadRatings(String dataServiceUrl, Path ratings, String name)
            throws IOException, InterruptedException {
        String url = dataServiceUrl + "/datasets/upload?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "&fileName=" + URLEncoder.encode(ratings.getFileName().toString(), StandardCharsets.UTF_8);
        return send(request(url).header("Content-Type", "application/octet-stream")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofFile(ratings)).build());
    }

    public JsonNode delete(String url) throws IOException, InterruptedException {
        return send(request(url).DELETE().build());
    }

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
        return key == null ? builder : builder.header(KEY_HEADER, key);
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isEmpty() ? JSON.createObjectNode() : readOrText(response.body());
        if (response.statusCode() / 100 != 2) {
            throw new ApiException(request.method(), request.uri().toString(), response.statusCode(), body);
        }
        return body;
    }

    private static JsonNode readOrText(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
