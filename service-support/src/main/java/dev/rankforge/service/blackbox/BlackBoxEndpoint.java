package dev.rankforge.service.blackbox;

import java.util.UUID;

/**
 * A resolved {@link dev.rankforge.contracts.BlackBoxTarget}: every default filled and checked. {@code authValue}
 * is a secret: views and logs use {@link #redacted()}.
 *
 * @param rankUrl      candidate-ranking endpoint, or {@code null} when the target has none
 * @param excludeField request field for explicit exclusions, or {@code null} when the target has none
 */
public record BlackBoxEndpoint(String url, UUID modelId, String historyField, String kField, String itemsPointer,
                               String authHeader, String authValue, int timeoutMs, int retries, int concurrency,
                               String rankUrl, String excludeField) {
    /** The same endpoint with its secret replaced by {@code ***}. */
    public BlackBoxEndpoint redacted() {
        return authValue == null ? this : new BlackBoxEndpoint(url, modelId, historyField, kField, itemsPointer,
                authHeader, "***", timeoutMs, retries, concurrency, rankUrl, excludeField);
    }
}
