package dev.rankforge.trainer.rest;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** One history and the candidates to rank for it (a re-ranking call: nothing is left out). */
public record RankRequest(@NotNull @NotEmpty List<@NotNull Integer> sequence,
                          @NotNull @NotEmpty @Size(max = 1000) List<@NotNull Integer> candidates) {
}
