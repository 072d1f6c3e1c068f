package dev.rankforge.data.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Streams a MovieLens 1M/10M {@code ratings.dat} ({@code UserID::MovieID::Rating::Timestamp}); every rating
 * counts as an implicit interaction. The input is read line by line, never held whole.
 */
public final class MovieLensRatingsReader {
    private MovieLensRatingsReader() {
    }

    public static InteractionLog read(InputStream in) throws IOException {
        InteractionLog log = new InteractionLog();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
        String line;
        long number = 0;
        try {
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("::", -1);
                if (parts.length != 4) {
                    throw bad(number, line, "expected UserID::MovieID::Rating::Timestamp");
                }
                try {
                    log.add(Long.parseLong(parts[0].trim()), Long.parseLong(parts[1].trim()),
                            Long.parseLong(parts[3].trim()));
                } catch (NumberFormatException e) {
                    throw bad(number, line, "ids and timestamp must be integers");
                }
            }
        } catch (CharacterCodingException e) {
            throw new MalformedInputException("line " + (number + 1) + " is not valid UTF-8");
        }
        if (log.isEmpty()) {
            throw new MalformedInputException("the file holds no ratings");
        }
        return log;
    }

    private static MalformedInputException bad(long number, String line, String why) {
        String shown = line.length() > 80 ? line.substring(0, 80) + "…" : line;
        return new MalformedInputException("line " + number + " (" + shown + "): " + why);
    }
}
