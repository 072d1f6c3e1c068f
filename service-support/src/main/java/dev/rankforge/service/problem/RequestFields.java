package dev.rankforge.service.problem;

/**
 * Defaults and checks for fields of request bodies that Bean Validation cannot express (values resolved against
 * defaults, cross-field rules); a failed check is an {@link InvalidRequestException} naming the field.
 */
public final class RequestFields {
    private RequestFields() {
    }

    public static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    /** {@code fallback} for an absent or blank value. */
    public static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    public static void requireBetween(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidRequestException(field, "must be between " + min + " and " + max);
        }
    }

    public static void require(boolean ok, String field, String reason) {
        if (!ok) {
            throw new InvalidRequestException(field, reason);
        }
    }
}
