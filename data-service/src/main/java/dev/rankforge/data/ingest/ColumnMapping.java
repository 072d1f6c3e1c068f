package dev.rankforge.data.ingest;

/**
 * How a generic delimited file maps to interactions: the delimiter, whether the first line is a header, and the
 * zero-based columns of user, item and (optional, -1 = absent) rating and timestamp.
 */
public record ColumnMapping(String delimiter, boolean header, int user, int item, int rating, int timestamp) {
    public ColumnMapping {
        if (delimiter == null || delimiter.isEmpty()) {
            throw new IllegalArgumentException("a delimiter is required");
        }
        if (user < 0 || item < 0 || user == item) {
            throw new IllegalArgumentException("user and item need two distinct column indexes >= 0");
        }
    }
}
