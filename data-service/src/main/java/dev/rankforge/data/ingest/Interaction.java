package dev.rankforge.data.ingest;

/**
 * One parsed line, reused from line to line: original user and item ids, the rating ({@code NaN} when the
 * format has none) and the timestamp ({@code Long.MIN_VALUE} when it has none: file order is time order).
 */
final class Interaction {
    String user;
    String item;
    double rating = Double.NaN;
    long timestamp = Long.MIN_VALUE;

    void clear() {
        user = null;
        item = null;
        rating = Double.NaN;
        timestamp = Long.MIN_VALUE;
    }
}
