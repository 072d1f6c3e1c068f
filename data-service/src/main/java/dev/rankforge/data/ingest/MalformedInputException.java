package dev.rankforge.data.ingest;

/** An interaction file could not be read; the message names the first bad line or what is missing. */
public class MalformedInputException extends RuntimeException {
    private final String field;

    public MalformedInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field to blame: {@code body} for content, {@code format} when the format is unknown. */
    public String field() {
        return field;
    }
}
