package dev.rankforge.data.ingest;

/**
 * How raw interactions become sequences; stored with each dataset version. Same input and same spec give the
 * same artifact, byte for byte.
 *
 * @param ratingThreshold     implicit feedback: keep interactions rated at least this (null = every interaction)
 * @param minUserInteractions users with fewer interactions are dropped
 * @param minItemInteractions items with fewer interactions are dropped
 * @param kCore               false: one pass, items then users (as the paper); true: repeat until every user and
 *                            item meets its minimum
 * @param keepDuplicates      false: a repeated (user, item) keeps its first occurrence; true: every occurrence
 * @param maxLength           keep each user's most recent items only (null = all)
 */
public record PreprocessingSpec(Double ratingThreshold, int minUserInteractions, int minItemInteractions,
                                boolean kCore, boolean keepDuplicates, Integer maxLength) {
    public PreprocessingSpec {
        if (minUserInteractions < 0 || minItemInteractions < 0) {
            throw new IllegalArgumentException("minimum counts must be >= 0");
        }
        if (maxLength != null && maxLength < 3) {
            throw new IllegalArgumentException("maxLength must be at least 3 (leave-one-out needs train, validation, test)");
        }
    }

    /** The ordering and split every version uses, recorded beside the spec. */
    public static final String ORDER = "chronological per user, ties kept in file order";
    public static final String SPLIT = "leave-one-out (last item test, second-to-last validation)";
}
