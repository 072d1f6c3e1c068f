package dev.rankforge.contracts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * How a student learns from a teacher's ranked lists (DISTILL and EXTRACT jobs). Absent values take defaults.
 *
 * @param loss                a ranking-core loss name (default {@code margin-rank}, the extraction paper's loss)
 * @param negatives           uniformly sampled items scored beside each teacher list (default 100)
 * @param listLength          teacher list length k (default 100; EXTRACT: the top-k asked of the black box)
 * @param prefixesPerSequence training examples drawn from each sequence per epoch, one encoder pass each (default 4;
 *                            per-prefix encoding only)
 * @param prefixEncoding      {@code per-prefix} (default, the extraction paper's: each example one random prefix, its
 *                            own pass) or {@code one-pass} (a causal student — gru4rec, narm, sasrec, two-tower —
 *                            encodes many prefixes of a sequence in one pass: every prefix of every sequence once an
 *                            epoch, many prefixes a pass; the job's examples are then passes)
 */
public record DistillationParams(String loss, @Min(0) @Max(10_000) Integer negatives,
                                 @Min(10) @Max(100) Integer listLength,
                                 @Min(1) @Max(1000) Integer prefixesPerSequence,
                                 @Pattern(regexp = "per-prefix|one-pass",
                                         message = "must be per-prefix or one-pass") String prefixEncoding) {
    /** {@link #prefixEncoding}'s default, the paper's. */
    public static final String PER_PREFIX = "per-prefix";
    public static final String ONE_PASS = "one-pass";
    /** Why {@link #prefixesPerSequence} is refused with {@link #ONE_PASS}: said the same by every service. */
    public static final String NO_PREFIXES_PER_SEQUENCE_WITH_ONE_PASS =
            "applies to per-prefix encoding only: one-pass trains every prefix once an epoch";

}
