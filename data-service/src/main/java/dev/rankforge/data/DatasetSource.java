package dev.rankforge.data;

/** Where a dataset version's interactions came from. */
public enum DatasetSource {
    SYNTHETIC, MOVIELENS_1M
}
