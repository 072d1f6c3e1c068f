package dev.rankforge.data.ingest;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The interaction-file formats data-service reads, each with its line parser. Parsers return {@code false} for
 * a line that carries no interaction (a header) and throw {@link BadLine} for one that is malformed.
 */
public enum InputFormat {
    /** MovieLens 100K {@code u.data}: user, item, rating, timestamp, tab-separated. */
    MOVIELENS_100K,
    /** MovieLens 1M / 10M {@code ratings.dat}: {@code user::item::rating::timestamp}. */
    MOVIELENS_DAT,
    /** MovieLens 20M / 25M / 32M {@code ratings.csv}: header {@code userId,movieId,rating,timestamp}. */
    MOVIELENS_CSV,
    /** Amazon ratings-only CSV: {@code user,item,rating,timestamp}, no header. */
    AMAZON_CSV,
    /** Amazon reviews, JSON lines: {@code reviewerID} / {@code user_id}, {@code asin}, {@code overall} / {@code rating}, {@code unixReviewTime} / {@code timestamp}. */
    AMAZON_JSON,
    /** Steam reviews, JSON lines (the original release's single-quoted dicts accepted): {@code username} / {@code user_id}, {@code product_id}, {@code date}. */
    STEAM_JSON,
    /** SASRec / BERT4Rec releases: {@code user item} per line, file order is time order. */
    USER_ITEM,
    /** Any delimited file with a declared {@link ColumnMapping}. */
    GENERIC;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final ObjectMapper LENIENT_JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final DateTimeFormatter STEAM_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    /** A malformed line; the message says why. */
    public static final class BadLine extends Exception {
        BadLine(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Reads one line into {@code out}; {@code false} when the line is a header. */
    boolean parse(String line, Interaction out, ColumnMapping mapping, boolean firstLine) throws BadLine {
        out.clear();
        switch (this) {
            case MOVIELENS_100K -> fields(WHITESPACE.split(line.trim()), 4, "user item rating timestamp (tab-separated)",
                    out, 0, 1, 2, 3);
            case MOVIELENS_DAT -> fields(line.split("::", -1), 4, "user::item::rating::timestamp", out, 0, 1, 2, 3);
            case MOVIELENS_CSV -> {
                if (firstLine && line.startsWith("userId")) {
                    return false;
                }
                fields(line.split(",", -1), 4, "userId,movieId,rating,timestamp", out, 0, 1, 2, 3);
            }
            case AMAZON_CSV -> fields(line.split(",", -1), 4, "user,item,rating,timestamp", out, 0, 1, 2, 3);
            case USER_ITEM -> fields(WHITESPACE.split(line.trim()), 2, "user item", out, 0, 1, -1, -1);
            case GENERIC -> {
                if (mapping == null) {
                    throw new BadLine("the generic format needs a column mapping");
                }
                if (firstLine && mapping.header()) {
                    return false;
                }
                String[] parts = line.split(Pattern.quote(mapping.delimiter()), -1);
                int needed = Math.max(Math.max(mapping.user(), mapping.item()),
                        Math.max(mapping.rating(), mapping.timestamp())) + 1;
                fields(parts, -needed, "at least " + needed + " columns", out, mapping.user(), mapping.item(),
                        mapping.rating(), mapping.timestamp());
            }
            case AMAZON_JSON -> {
                JsonNode node = json(line);
                out.user = text(node, "reviewerID", "user_id");
                out.item = text(node, "asin", "parent_asin");
                String rating = text(node, "overall", "rating");
                out.rating = rating == null ? Double.NaN : number(rating, "rating");
                String time = text(node, "unixReviewTime", "timestamp");
                out.timestamp = time == null ? Long.MIN_VALUE : (long) number(time, "timestamp");
            }
            case STEAM_JSON -> {
                JsonNode node = json(line);
                out.user = text(node, "user_id", "username");
                out.item = text(node, "product_id", "item_id");
                String date = text(node, "date", "posted");
                if (date != null) {
                    try {
                        out.timestamp = LocalDate.parse(date, STEAM_DATE).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
                    } catch (DateTimeParseException e) {
                        throw new BadLine("date '" + date + "' is not yyyy-MM-dd");
                    }
                }
            }
            default -> throw new IllegalStateException();
        }
        if (out.user == null || out.user.isBlank() || out.item == null || out.item.isBlank()) {
            throw new BadLine("user and item ids are required");
        }
        return true;
    }

    private static void fields(String[] parts, int count, String expected, Interaction out, int user, int item,
                               int rating, int timestamp) throws BadLine {
        if (count > 0 ? parts.length != count : parts.length < -count) {
            throw new BadLine("expected " + expected);
        }
        out.user = parts[user].trim();
        out.item = parts[item].trim();
        if (rating >= 0) {
            out.rating = number(parts[rating].trim(), "rating");
        }
        if (timestamp >= 0) {
            String value = parts[timestamp].trim();
            try {
                out.timestamp = Long.parseLong(value);
            } catch (NumberFormatException e) {
                out.timestamp = (long) number(value, "timestamp");
            }
        }
    }

    private static double number(String value, String what) throws BadLine {
        try {
            double parsed = Double.parseDouble(value);
            if (!Double.isFinite(parsed)) {
                throw new BadLine(what + " '" + value + "' is not a finite number");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BadLine(what + " '" + value + "' is not a number");
        }
    }

    private static JsonNode json(String line) throws BadLine {
        try {
            JsonNode node = LENIENT_JSON.readTree(line);
            if (node == null || !node.isObject()) {
                throw new BadLine("expected one JSON object per line");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadLine("not JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull()) {
                return value.asText();
            }
        }
        return null;
    }

    /** The format named in a request ({@code movielens-dat}, {@code MOVIELENS_DAT}, ...). */
    public static InputFormat named(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** Guesses the format from a file name and its first non-blank line; {@code null} when unsure. */
    public static InputFormat detect(String fileName, String firstLine) {
        String file = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String line = firstLine == null ? "" : firstLine.trim();
        if (file.endsWith("u.data")) {
            return MOVIELENS_100K;
        }
        if (line.contains("::")) {
            return MOVIELENS_DAT;
        }
        if (line.startsWith("userId,movieId")) {
            return MOVIELENS_CSV;
        }
        if (line.startsWith("{")) {
            if (line.contains("reviewerID") || line.contains("asin")) {
                return AMAZON_JSON;
            }
            if (line.contains("product_id")) {
                return STEAM_JSON;
            }
            return null;
        }
        String[] tabs = line.split("\t", -1);
        if (tabs.length == 4 && allNumeric(tabs)) {
            return MOVIELENS_100K;
        }
        String[] commas = line.split(",", -1);
        if (commas.length == 4 && isNumeric(commas[2]) && isNumeric(commas[3])) {
            return AMAZON_CSV;
        }
        String[] words = WHITESPACE.split(line);
        if (words.length == 2) {
            return USER_ITEM;
        }
        return null;
    }

    private static boolean allNumeric(String[] parts) {
        for (String p : parts) {
            if (!isNumeric(p)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumeric(String value) {
        try {
            Double.parseDouble(value.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
