package dev.rankforge.service.blackbox;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/**
 * A resolved {@link dev.rankforge.contracts.BlackBoxTarget}: every default filled and checked. It holds the name of
 * its credential, never the secret ({@link Credentials}), so it may be stored, shown and logged as it is.
 *
 * @param rankUrl      candidate-ranking endpoint, or {@code null} when the target has none
 * @param excludeField request field for explicit exclusions, or {@code null} when the target has none
 */
@JsonIgnoreProperties(ignoreUnknown = true) // stored as jsonb: a row written by another version still reads
public record BlackBoxEndpoint(String url, UUID modelId, String historyField, String kField, String itemsPointer,
                               String authHeader, String authCredential, int timeoutMs, int retries, int concurrency,
                               String rankUrl, String excludeField) {
}
