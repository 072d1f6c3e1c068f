package dev.rankforge.trainer.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** One history for the black-box API; {@code k} defaults to 10. Items already in the history are never returned. */
public record RecommendRequest(@NotNull @NotEmpty List<@NotNull Integer> sequence, @Min(1) @Max(100) Integer k) {
}
