package dev.rankforge.trainer.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * One history for the black-box API; {@code k} defaults to 10. Items in the history are never returned, unless
 * {@code exclude} is given: then exactly those items are left out (how attacks measure a polluted history, leaving
 * out only the user's real items).
 */
public record RecommendRequest(@NotNull @NotEmpty List<@NotNull Integer> sequence, @Min(1) @Max(100) Integer k,
                               List<@NotNull Integer> exclude) {
}
