package dev.rankforge.service.blackbox;

import static dev.rankforge.service.problem.RequestFields.orDefault;
import static dev.rankforge.service.problem.RequestFields.requireBetween;

import dev.rankforge.contracts.BlackBoxTarget;
import dev.rankforge.service.problem.InvalidRequestException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Resolves and checks {@link BlackBoxTarget}s, for every service that queries a black box (trainer-service's
 * EXTRACT jobs, attack-service's victims). A bad value is reported under the request path given, e.g.
 * {@code extraction.target.url}.
 */
public final class BlackBoxEndpoints {
    /**
     * Default retries for our own black-box API (a target named by modelId): enough backoff (about 30 s in all) to
     * outlast a restart of trainer-service, so an attack or extraction does not fail while it comes back.
     */
    static final int OWN_API_RETRIES = 9;

    private BlackBoxEndpoints() {
    }

    /**
     * @param trainerUrl base URL of trainer-service, for targets that name one of its models
     * @param path       where the target sits in the request, for error messages
     * @param policy      which hosts may be called; a refused one is reported under {@code <path>.url}
     * @param credentials the credentials a target may name; an unknown one is reported under
     *                    {@code <path>.authCredential}
     */
    public static BlackBoxEndpoint resolve(BlackBoxTarget t, String trainerUrl, String path, OutboundPolicy policy,
                                           Credentials credentials) {
        if (t == null) {
            throw new InvalidRequestException(path, "is required: a url, or a modelId of trainer-service");
        }
        String url = t.url();
        String rankUrl = t.rankUrl();
        String excludeField = t.excludeField();
        if (url == null) {
            if (t.modelId() == null) {
                throw new InvalidRequestException(path, "needs a url or a modelId");
            }
            String model = trainerUrl + "/models/" + t.modelId();
            url = model + "/recommend";
            rankUrl = rankUrl == null ? model + "/rank" : rankUrl;
            excludeField = excludeField == null ? "exclude" : excludeField;
        }
        checkUrl(url, path + ".url");
        policy.check(url, path + ".url");
        if (rankUrl != null) {
            checkUrl(rankUrl, path + ".rankUrl");
            policy.check(rankUrl, path + ".rankUrl");
        }
        if (t.authHeader() != null && t.authCredential() == null) {
            throw new InvalidRequestException(path + ".authCredential", "is required with authHeader: the name of a "
                    + "credential file in RANKFORGE_CREDENTIALS_DIR (secrets are never accepted inline)");
        }
        if (t.authCredential() != null) {
            if (t.authHeader() == null) {
                throw new InvalidRequestException(path + ".authHeader", "is required with authCredential");
            }
            if (!Credentials.isValidName(t.authCredential())) {
                throw new InvalidRequestException(path + ".authCredential",
                        "must be a name of letters, digits, '.', '_' and '-'");
            }
            if (!credentials.has(t.authCredential())) {
                throw new InvalidRequestException(path + ".authCredential", "names no credential of this service "
                        + "(put its value in the file " + credentials.dir().resolve(t.authCredential()) + ")");
            }
        }
        BlackBoxEndpoint r = new BlackBoxEndpoint(url, t.modelId(), orDefault(t.historyField(), "sequence"),
                orDefault(t.kField(), "k"), orDefault(t.itemsPointer(), "/items"), t.authHeader(), t.authCredential(),
                orDefault(t.timeoutMs(), 5000), orDefault(t.retries(), t.url() == null ? OWN_API_RETRIES : 3),
                orDefault(t.concurrency(), 8), rankUrl,
                excludeField == null || excludeField.isBlank() ? null : excludeField);
        if (!r.itemsPointer().startsWith("/")) {
            throw new InvalidRequestException(path + ".itemsPointer", "must be a JSON pointer such as /items");
        }
        requireBetween(path + ".timeoutMs", r.timeoutMs(), 10, 600_000);
        requireBetween(path + ".retries", r.retries(), 0, 20);
        requireBetween(path + ".concurrency", r.concurrency(), 1, 256);
        return r;
    }

    /**
     * The models of trainer-service (at {@code trainerUrl}) that {@code endpoint} calls, by the field that names each
     * ({@code <path>.modelId}, {@code <path>.url}, {@code <path>.rankUrl}), so a caller can check every one belongs to
     * its team. A URL under trainer-service that is not a model's API is refused.
     */
    public static Map<String, UUID> fleetModels(BlackBoxEndpoint endpoint, String trainerUrl, String path) {
        Map<String, UUID> models = new LinkedHashMap<>();
        if (endpoint.modelId() != null) {
            models.put(path + ".modelId", endpoint.modelId());
        }
        String prefix = trainerUrl + "/models/";
        for (Map.Entry<String, String> url : Map.of(path + ".url", endpoint.url(),
                path + ".rankUrl", endpoint.rankUrl() == null ? "" : endpoint.rankUrl()).entrySet()) {
            if (!url.getValue().startsWith(trainerUrl + "/")) {
                continue;
            }
            String rest = url.getValue().startsWith(prefix) ? url.getValue().substring(prefix.length()) : "";
            int slash = rest.indexOf('/');
            try {
                UUID id = UUID.fromString(slash < 0 ? rest : rest.substring(0, slash));
                if (endpoint.modelId() != null && !endpoint.modelId().equals(id)) {
                    throw new InvalidRequestException(url.getKey(), "names model " + id + ", not the modelId given");
                }
                models.putIfAbsent(url.getKey(), id);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(url.getKey(), "is trainer-service but not a model's API ("
                        + prefix + "{modelId}/...)");
            }
        }
        return models;
    }

    private static void checkUrl(String url, String field) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, "is not a URL: " + e.getMessage());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new InvalidRequestException(field, "must be an absolute http(s) URL");
        }
    }
}
