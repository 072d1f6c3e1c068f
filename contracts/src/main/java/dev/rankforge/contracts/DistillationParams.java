package dev.rankforge.contracts;

/**
 * How a student learns from a teacher's ranked lists (DISTILL and EXTRACT jobs). Absent values take defaults.
 *
 * @param loss                a ranking-core loss name (default {@code margin-rank}, the extraction paper's loss)
 * @param negatives           uniformly sampled items scored beside each teacher list (default 100)
 * @param listLength          teacher list length k (default 100; EXTRACT: the top-k asked of the black box)
 * @param prefixesPerSequence training examples drawn from each sequence per epoch (default 4)
 */
public record DistillationParams(String loss, Integer negatives, Integer listLength, Integer prefixesPerSequence) {
}
