package dev.rankforge.core.train;

/** How an architecture is trained; decides how training batches are cut and which loss scores them. */
public enum Objective {
    /** Next item at every position, full-softmax cross-entropy (GRU4Rec). */
    NEXT_ITEM_ALL_POSITIONS,
    /** Next item after a random prefix of each sequence, full-softmax cross-entropy (NARM). */
    NEXT_ITEM_LAST_POSITION,
    /** Next item at every position against one sampled negative, binary cross-entropy (SASRec). */
    NEXT_ITEM_SAMPLED_BCE,
    /** Cloze: randomly masked items predicted with full-softmax cross-entropy (BERT4Rec). */
    MASKED_ITEM;

    /** The name a training spec uses: {@code next-item-ce}, {@code last-position-ce}, {@code sampled-bce}, {@code cloze}. */
    public String label() {
        return switch (this) {
            case NEXT_ITEM_ALL_POSITIONS -> "next-item-ce";
            case NEXT_ITEM_LAST_POSITION -> "last-position-ce";
            case NEXT_ITEM_SAMPLED_BCE -> "sampled-bce";
            case MASKED_ITEM -> "cloze";
        };
    }

    /**
     * The objective named {@code label} for a model whose own objective is {@code native}: a model that outputs a
     * representation at every position (GRU4Rec, SASRec, Caser) trains with either full-softmax cross-entropy at every
     * position ({@code next-item-ce}, Klenitskiy &amp; Vasilev 2023) or one sampled negative ({@code sampled-bce}, the
     * SASRec paper's); NARM and BERT4Rec keep their own.
     *
     * @throws IllegalArgumentException naming the choices when it does not fit
     */
    public static Objective resolve(String label, Objective nativeObjective) {
        if (label == null) {
            return nativeObjective;
        }
        java.util.List<Objective> fitting = nativeObjective == NEXT_ITEM_ALL_POSITIONS || nativeObjective == NEXT_ITEM_SAMPLED_BCE
                ? java.util.List.of(NEXT_ITEM_ALL_POSITIONS, NEXT_ITEM_SAMPLED_BCE) : java.util.List.of(nativeObjective);
        for (Objective o : fitting) {
            if (o.label().equals(label)) {
                return o;
            }
        }
        throw new IllegalArgumentException("objective '" + label + "' does not fit this architecture; choose "
                + String.join(" or ", fitting.stream().map(Objective::label).toList()));
    }
}
