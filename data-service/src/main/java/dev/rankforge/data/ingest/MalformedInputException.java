package dev.rankforge.data.ingest;

/** An uploaded file could not be read; names the first bad line. */
public class MalformedInputException extends RuntimeException {
    public MalformedInputException(String message) {
        super(message);
    }
}
