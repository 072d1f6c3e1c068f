package dev.rankforge.core.metrics;

/** Scores every item (column = item id, column 0 unused) for each history in a batch. */
@FunctionalInterface
public interface Scorer {
    float[][] score(int[][] histories);
}
