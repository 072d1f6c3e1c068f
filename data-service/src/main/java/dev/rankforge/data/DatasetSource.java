package dev.rankforge.data;

/** Where a dataset version came from: the synthetic generator or an interaction file (upload or server path). */
public enum DatasetSource {
    SYNTHETIC, UPLOAD
}
