package dev.rankforge.contracts;

import java.util.UUID;

/**
 * The recommender an EXTRACT job queries: any HTTP endpoint that takes one history and answers ranked item
 * ids. By default our own black-box API ({@code modelId} given, {@code url} absent). Absent values take defaults.
 *
 * @param url          POST endpoint answering one query; default {@code <trainer>/models/{modelId}/recommend}
 * @param modelId      a model of this trainer-service, used when {@code url} is absent
 * @param historyField request body field holding the history (default {@code sequence})
 * @param kField       request body field holding the list length (default {@code k})
 * @param itemsPointer JSON pointer to the ranked ids in the response (default {@code /items})
 * @param authHeader     header sent with every query, e.g. {@code X-Api-Key} (optional)
 * @param authCredential name of the credential holding its value, which the querying service reads from its own
 *                       credential store: a secret never travels in a request, a message or a stored row
 * @param timeoutMs    per-request timeout (default 5000)
 * @param retries      retries after a failed attempt, with exponential backoff (default 3)
 * @param concurrency  queries in flight at once (default 8)
 * @param rankUrl      POST endpoint ranking given candidates ({@code {<historyField>, candidates}} → ids at
 *                     {@code itemsPointer}), for the sampled protocol of attack measurements; default for our API
 *                     {@code <trainer>/models/{modelId}/rank}, none for other URLs
 * @param excludeField request field listing the items to leave out instead of the history's own (attack
 *                     measurements leave out only the user's real items); default {@code exclude} for our API,
 *                     none for other URLs
 */
public record BlackBoxTarget(String url, UUID modelId, String historyField, String kField, String itemsPointer,
                             String authHeader, String authCredential, Integer timeoutMs, Integer retries,
                             Integer concurrency, String rankUrl, String excludeField) {
    /** Our own black-box API for a model of trainer-service, with default settings. */
    public static BlackBoxTarget ourModel(UUID modelId) {
        return new BlackBoxTarget(null, modelId, null, null, null, null, null, null, null, null, null, null);
    }
}
