package dev.rankforge.data;

/** Where a dataset version came from: the synthetic generator, an interaction file, or a base version plus fake profiles. */
public enum DatasetSource {
    SYNTHETIC, UPLOAD, DERIVED
}
