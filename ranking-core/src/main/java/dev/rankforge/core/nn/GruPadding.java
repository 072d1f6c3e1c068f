package dev.rankforge.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.recurrent.GRU;
import ai.djl.training.ParameterStore;

/**
 * A GRU's inputs for columns cut from a left-padded row: the GRU walks the padding too, so its state when the cut
 * begins is the state {@code paddingAhead} padding steps lead to from zero. Given as the begin state, the cut columns
 * are encoded exactly as in the whole row, at the cost of one single-row pass over the padding.
 */
final class GruPadding {
    private GruPadding() {
    }

    /** {@code NDList(embedded)}, plus the begin state {@code [1, batch, hidden]} when padding precedes the columns. */
    static NDList inputs(GRU gru, SequenceRecommender model, ParameterStore ps, NDArray embedded, int paddingAhead) {
        if (paddingAhead == 0) {
            return new NDList(embedded);
        }
        NDArray padding = model.paddingEmbeddings(ps, embedded.getManager(), paddingAhead);
        NDArray states = gru.forward(ps, new NDList(padding), false).singletonOrThrow();        // [1, P, H]
        NDArray begin = states.get(new NDIndex(":, -1, :")).expandDims(0)                        // [1, 1, H]
                .repeat(1, embedded.getShape().get(0));                                          // [1, B, H]
        return new NDList(embedded, begin);
    }
}
