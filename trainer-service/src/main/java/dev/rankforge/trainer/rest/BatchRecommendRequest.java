package dev.rankforge.trainer.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Several histories for the black-box API in one call; {@code k} defaults to 10. */
public record BatchRecommendRequest(@NotNull @NotEmpty List<@NotNull @NotEmpty List<@NotNull Integer>> sequences,
                                    @Min(1) @Max(100) Integer k) {
}
