package dev.rankforge.data.rest;

/**
 * How to read and preprocess an interaction file; every field is optional. Given as query parameters of an
 * upload or in the body of a server-side import.
 *
 * @param format              declared format (e.g. {@code movielens-csv}, {@code amazon-json}, {@code generic});
 *                            absent = detected from the file name and first line
 * @param onMalformed         {@code fail} (default: report the first bad line) or {@code skip} (count them)
 * @param ratingThreshold     implicit feedback: keep ratings at least this (absent = every interaction)
 * @param minUserInteractions default: the service's setting (5)
 * @param minItemInteractions default: the service's setting (5)
 * @param kCore               repeat the filters until stable (default false: one pass, as the paper)
 * @param keepDuplicates      keep repeated (user, item) interactions (default false: the first one)
 * @param maxLength           keep each user's most recent items only
 * @param delimiter           generic format: column delimiter (default {@code ,}; {@code \t} for tab)
 * @param header              generic format: the first line is a header (default false)
 * @param userColumn          generic format: zero-based column of the user id (default 0)
 * @param itemColumn          generic format: zero-based column of the item id (default 1)
 * @param ratingColumn        generic format: zero-based rating column (default none)
 * @param timestampColumn     generic format: zero-based timestamp column (default none: file order)
 */
public record IngestOptions(String format, String onMalformed, Double ratingThreshold, Integer minUserInteractions,
                            Integer minItemInteractions, Boolean kCore, Boolean keepDuplicates, Integer maxLength,
                            String delimiter, Boolean header, Integer userColumn, Integer itemColumn,
                            Integer ratingColumn, Integer timestampColumn) {
}
