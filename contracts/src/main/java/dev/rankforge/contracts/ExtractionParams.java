package dev.rankforge.contracts;

/**
 * The query budget and generator of an EXTRACT job. Absent values take defaults.
 *
 * @param generator {@code autoregressive} (default) or {@code random}
 * @param sequences budget in generated sequences (default 1000); each costs {@code length} queries
 * @param length    items per generated sequence (default 20)
 * @param target    the black box to query (required)
 */
public record ExtractionParams(String generator, Integer sequences, Integer length, BlackBoxTarget target) {
}
