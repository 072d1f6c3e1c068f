package dev.rankforge.core.model;

import java.util.List;

/**
 * A recommender seen only through its answers: ranked item ids for each history, best first (the history's own
 * items left out). Some black boxes also rank given candidates (a re-ranking API), which the sampled evaluation
 * protocol needs.
 */
@FunctionalInterface
public interface BlackBox {
    List<List<Integer>> recommend(List<int[]> histories, int k);

    /**
     * Ranked ids for each history with {@code excluded.get(i)} left out instead of the history's own items: how
     * an attack's effect is measured on a polluted history (only the user's real items are left out, so an
     * injected target can still be recommended).
     *
     * @throws UnsupportedOperationException when this black box always leaves out the history
     */
    default List<List<Integer>> recommend(List<int[]> histories, List<int[]> excluded, int k) {
        throw new UnsupportedOperationException("this black box always leaves out the history's items");
    }

    /** Whether {@link #recommend(List, List, int)} is available. */
    default boolean excludesOnRequest() {
        return false;
    }

    /**
     * Each history's candidates in the black box's order, best first ({@code candidates.get(i)} for
     * {@code histories.get(i)}; nothing left out).
     *
     * @throws UnsupportedOperationException when this black box cannot rank given candidates
     */
    default List<List<Integer>> rank(List<int[]> histories, List<int[]> candidates) {
        throw new UnsupportedOperationException("this black box does not rank given candidates");
    }

    /** Whether {@link #rank} is available. */
    default boolean ranksCandidates() {
        return false;
    }
}
