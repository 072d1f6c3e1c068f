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
 * @param authHeader   header sent with every query, e.g. {@code X-Api-Key} (optional)
 * @param authValue    its value
 * @param timeoutMs    per-request timeout (default 5000)
 * @param retries      retries after a failed attempt, with exponential backoff (default 3)
 * @param concurrency  queries in flight at once (default 8)
 */
public record BlackBoxTarget(String url, UUID modelId, String historyField, String kField, String itemsPointer,
                             String authHeader, String authValue, Integer timeoutMs, Integer retries,
                             Integer concurrency) {
}
