package dev.rankforge.core.nn;

import java.util.Arrays;

/**
 * BERT4Rec (Sun et al., CIKM 2019): bidirectional self-attention trained as a cloze task (random items
 * replaced by a mask token, predicted with cross-entropy over all items). To recommend, the mask token is
 * appended to the history and predicted; {@code cloze-last} masks each training sequence's last item too.
 */
public final class Bert4Rec extends TransformerRecommender {
    private static final byte VERSION = 1;

    public Bert4Rec(ModelSpec spec) {
        super(VERSION, spec, 1, false, false);
    }

    /** The mask token's id: one past the last item. */
    public int maskToken() {
        return spec.numItems() + 1;
    }

    @Override
    public Objective objective() {
        return Objective.MASKED_ITEM;
    }

    @Override
    public java.util.List<Objective> objectives() {
        return java.util.List.of(Objective.MASKED_ITEM, Objective.MASKED_ITEM_AND_LAST);
    }

    @Override
    public int[] inferenceInput(int[] history) {
        int[] input = Arrays.copyOf(history, history.length + 1);
        input[history.length] = maskToken();
        return input;
    }
}
