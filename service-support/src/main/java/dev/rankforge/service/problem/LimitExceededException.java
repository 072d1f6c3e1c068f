package dev.rankforge.service.problem;

/**
 * A request within the rules that would take a caller past a configured limit (e.g. a team's jobs in flight);
 * answered 429 with the field and the limit named, so the caller can wait or ask for more.
 */
public class LimitExceededException extends InvalidRequestException {
    public LimitExceededException(String field, String reason) {
        super(field, reason);
    }
}
