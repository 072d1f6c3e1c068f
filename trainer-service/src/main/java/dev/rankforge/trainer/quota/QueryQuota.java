package dev.rankforge.trainer.quota;

import dev.rankforge.trainer.config.TrainerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import dev.rankforge.service.auth.KeyHashes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Per-client access to the black-box API, as a commercial recommender would impose it: an API key
 * ({@code X-Api-Key}), a query budget kept in PostgreSQL (survives restarts, shared by replicas) and a rate limit
 * (token bucket per replica). Clients come from {@code rankforge.trainer.api-clients}; with none configured the
 * API is open, as a local single-user run expects.
 *
 * <p>Refusals: missing or unknown key → 401; rate exceeded → 429 with {@code Retry-After}; budget spent → 429.
 * A batch call is charged one query per history, all or nothing. Meters: {@code rankforge.blackbox.queries}
 * (queries charged, by client; {@code open} when no clients are configured) and
 * {@code rankforge.blackbox.refusals} (by reason: key, rate, budget).
 */
@ApplicationScoped
public class QueryQuota {
    public static final String HEADER = "X-Api-Key";
    private static final Logger LOG = Logger.getLogger(QueryQuota.class);

    private final TrainerConfig config;
    private final EntityManager entities;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, ApiClient> clientsByKeyHash = new ConcurrentHashMap<>();
    private final MeterRegistry meters;

    public QueryQuota(TrainerConfig config, EntityManager entities, MeterRegistry meters) {
        this.config = config;
        this.entities = entities;
        this.meters = meters;
    }

    void provision(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> config.apiClients().forEach((name, settings) -> {
            ApiClient client = ApiClient.findById(name);
            if (client == null) {
                client = new ApiClient();
                client.name = name;
            }
            client.keySha256 = KeyHashes.sha256Hex(settings.key());
            client.queryBudget = settings.budget();
            client.ratePerSecond = settings.rate();
            client.persist();
        }));
        QuarkusTransaction.requiringNew().run(() -> ApiClient.<ApiClient>listAll()
                .forEach(c -> clientsByKeyHash.put(c.keySha256, detached(c))));
        LOG.infof("black-box API: %s", clientsByKeyHash.isEmpty() ? "open (no API clients configured)"
                : clientsByKeyHash.size() + " API client(s), keys required");
    }

    /** Charges {@code queries} to the client holding {@code apiKey}, or refuses with 401 / 429. */
    public void charge(String apiKey, int queries) {
        if (clientsByKeyHash.isEmpty()) {
            charged("open", queries);
            return;
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw refusal(401, "key", "an API key is required in the " + HEADER + " header", null);
        }
        ApiClient client = clientsByKeyHash.get(KeyHashes.sha256Hex(apiKey));
        if (client == null) {
            throw refusal(401, "key", "unknown API key", null);
        }
        TokenBucket bucket = buckets.computeIfAbsent(client.name, n -> new TokenBucket(client.ratePerSecond));
        long waitMs = bucket.take(queries);
        if (waitMs > 0) {
            throw refusal(429, "rate", "rate limit of " + client.ratePerSecond + " queries/s exceeded for client "
                    + client.name, Math.max(1, (waitMs + 999) / 1000));
        }
        int updated = QuarkusTransaction.requiringNew().call(() -> entities.createQuery(
                        "update ApiClient set queriesUsed = queriesUsed + :n "
                                + "where name = :name and queriesUsed + :n <= queryBudget")
                .setParameter("n", (long) queries).setParameter("name", client.name).executeUpdate());
        if (updated == 0) {
            throw refusal(429, "budget", "query budget of " + client.queryBudget + " exhausted for client "
                    + client.name, null);
        }
        charged(client.name, queries);
    }

    private void charged(String client, int queries) {
        Counter.builder("rankforge.blackbox.queries").description("Black-box queries answered, by API client")
                .tag("client", client).register(meters).increment(queries);
    }

    private WebApplicationException refusal(int status, String reason, String detail, Long retryAfterSeconds) {
        Counter.builder("rankforge.blackbox.refusals").description("Black-box calls refused, by reason")
                .tag("reason", reason).register(meters).increment();
        Response.ResponseBuilder response = Response.status(status);
        if (retryAfterSeconds != null) {
            response.header("Retry-After", retryAfterSeconds);
        }
        if (status == 401) {
            response.header("WWW-Authenticate", "ApiKey header=" + HEADER);
        }
        return new WebApplicationException(detail, response.build());
    }

    private static ApiClient detached(ApiClient c) {
        ApiClient copy = new ApiClient();
        copy.name = c.name;
        copy.keySha256 = c.keySha256;
        copy.queryBudget = c.queryBudget;
        copy.ratePerSecond = c.ratePerSecond;
        return copy;
    }
}
