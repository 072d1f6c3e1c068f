package dev.rankforge.core.data;

/**
 * Parameters of the synthetic interaction generator.
 *
 * @param users              number of users
 * @param items              number of items
 * @param meanLength         mean sequence length (lengths are at least {@value SequenceDataset#MIN_LENGTH} + 2)
 * @param zipfExponent       exponent of the power-law item popularity (0 = uniform, 1 = classic Zipf)
 * @param sequentialStrength probability that the next item follows from the previous one rather than from
 *                           popularity alone (0 = no sequential signal, 1 = pure Markov chain)
 * @param seed               random seed; the same spec always yields the same dataset
 */
public record SyntheticSpec(int users, int items, int meanLength, double zipfExponent, double sequentialStrength,
                            long seed) {

    /** A small, quick default: 1,000 users, 300 items, mean length 20. */
    public static SyntheticSpec small(long seed) {
        return new SyntheticSpec(1000, 300, 20, 1.0, 0.7, seed);
    }

    public SyntheticSpec {
        if (users < 1) {
            throw new IllegalArgumentException("users must be at least 1");
        }
        if (items < 10) {
            throw new IllegalArgumentException("items must be at least 10");
        }
        if (meanLength < SequenceDataset.MIN_LENGTH + 2 || meanLength > items / 2) {
            throw new IllegalArgumentException("meanLength must be between " + (SequenceDataset.MIN_LENGTH + 2)
                    + " and items/2");
        }
        if (zipfExponent < 0 || zipfExponent > 3) {
            throw new IllegalArgumentException("zipfExponent must be between 0 and 3");
        }
        if (sequentialStrength < 0 || sequentialStrength > 1) {
            throw new IllegalArgumentException("sequentialStrength must be between 0 and 1");
        }
    }
}
