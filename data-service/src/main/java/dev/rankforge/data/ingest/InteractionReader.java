package dev.rankforge.data.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Streams an interaction file (plain, gzip or zip, recognised by their magic bytes) line by line into an
 * {@link InteractionTable}: the file is never held whole. The format is declared or detected from the file name
 * and first line. Malformed lines either fail the read (naming the first one: number and content) or are
 * skipped and counted. Bytes that are not UTF-8 always fail.
 */
public final class InteractionReader {
    private static final int EXAMPLES = 5;

    /** What to do with a malformed line. */
    public enum OnMalformed { FAIL, SKIP }

    /**
     * @param format          null = detect
     * @param mapping         required for {@link InputFormat#GENERIC}
     * @param ratingThreshold keep interactions rated at least this (null = all)
     * @param fileName        a name hint for detection (e.g. {@code u.data}); may be null
     */
    public record Options(InputFormat format, ColumnMapping mapping, Double ratingThreshold, OnMalformed onMalformed,
                          String fileName) {
    }

    /** What was read. */
    public record Result(InteractionTable table, InputFormat format, long lines, long skippedLines,
                         List<String> skippedExamples, long belowThreshold) {
    }

    private InteractionReader() {
    }

    public static Result read(InputStream raw, Options options) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        String fileName = options.fileName();
        in.mark(4);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        } else if (b0 == 'P' && b1 == 'K') {
            ZipInputStream zip = new ZipInputStream(in);
            ZipEntry entry;
            do {
                entry = zip.getNextEntry();
            } while (entry != null && entry.isDirectory());
            if (entry == null) {
                throw new MalformedInputException("body", "the zip archive holds no file");
            }
            fileName = entry.getName();
            in = new BufferedInputStream(zip, 1 << 16);
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        InteractionTable table = new InteractionTable();
        Interaction interaction = new Interaction();
        InputFormat format = options.format();
        long number = 0;
        long skipped = 0;
        long below = 0;
        boolean first = true;
        List<String> examples = new ArrayList<>();
        String line;
        try {
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (format == null) {
                    format = InputFormat.detect(fileName, line);
                    if (format == null) {
                        throw new MalformedInputException("format", "cannot tell the format from line " + number
                                + " (" + shown(line) + "); declare one of " + java.util.Arrays.toString(InputFormat.values()));
                    }
                }
                try {
                    boolean data = format.parse(line, interaction, options.mapping(), first);
                    first = false;
                    if (!data) {
                        continue;
                    }
                } catch (InputFormat.BadLine e) {
                    first = false;
                    if (options.onMalformed() == OnMalformed.FAIL) {
                        throw new MalformedInputException("body", "line " + number + " (" + shown(line) + "): "
                                + e.getMessage());
                    }
                    skipped++;
                    if (examples.size() < EXAMPLES) {
                        examples.add("line " + number + ": " + e.getMessage());
                    }
                    continue;
                }
                if (options.ratingThreshold() != null && !(interaction.rating >= options.ratingThreshold())) {
                    below++;
                    continue;
                }
                table.add(interaction.user, interaction.item, interaction.timestamp);
            }
        } catch (CharacterCodingException e) {
            // The decoder reads ahead of the line count: name the first line that may hold the bad bytes.
            throw new MalformedInputException("body", "the file is not valid UTF-8 (at or after line " + (number + 1)
                    + ")");
        } catch (java.util.zip.ZipException e) {
            throw new MalformedInputException("body", "the compressed input is corrupt: " + e.getMessage());
        }
        if (table.rows() == 0) {
            throw new MalformedInputException("body", number == 0 ? "the file is empty"
                    : "the file holds no interactions (" + number + " lines read, " + skipped + " malformed, "
                    + below + " below the rating threshold)");
        }
        return new Result(table, format, number, skipped, examples, below);
    }

    private static String shown(String line) {
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }
}
