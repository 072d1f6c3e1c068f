package dev.rankforge.contracts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The query budget and generator of an EXTRACT job. Absent values take defaults.
 *
 * @param generator {@code autoregressive} (default) or {@code random}
 * @param sequences budget in generated sequences (default 1000); each costs {@code length} queries
 * @param length    items per generated sequence (default 20)
 * @param target    the black box to query (required)
 */
public record ExtractionParams(String generator, @Min(1) @Max(1_000_000) Integer sequences,
                               @Min(2) @Max(1000) Integer length, BlackBoxTarget target) {
}
