package dev.rankforge.core.attack;

import java.util.List;

/** A recommender seen only through its answers: ranked item ids for each history, best first. */
@FunctionalInterface
public interface BlackBox {
    List<List<Integer>> recommend(List<int[]> histories, int k);
}
