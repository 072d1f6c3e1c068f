package dev.rankforge.core.nn;


/**
 * SASRec (Kang &amp; McAuley, ICDM 2018): causal self-attention over the history; trained with binary
 * cross-entropy on the next item against one sampled negative per position.
 */
public final class SasRec extends TransformerRecommender {
    private static final byte VERSION = 1;

    public SasRec(ModelSpec spec) {
        this(spec, true);
    }

    /** @param ownsTable false for a two-tower model's user tower */
    SasRec(ModelSpec spec, boolean ownsTable) {
        super(VERSION, spec, 0, ownsTable, true, true);
    }

    @Override
    public boolean encodesPrefixesInOnePass() {
        return true;
    }

    @Override
    public Objective objective() {
        return Objective.NEXT_ITEM_SAMPLED_BCE;
    }

    @Override
    public java.util.List<Objective> objectives() {
        return java.util.List.of(Objective.NEXT_ITEM_SAMPLED_BCE, Objective.NEXT_ITEM_ALL_POSITIONS);
    }
}
