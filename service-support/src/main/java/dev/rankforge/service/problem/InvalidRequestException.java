package dev.rankforge.service.problem;

import java.util.List;

/** Thrown by services when a request is well-formed JSON but asks for something impossible; maps to 400. */
public class InvalidRequestException extends RuntimeException {
    private final List<Problem.FieldError> errors;

    public InvalidRequestException(String field, String reason) {
        super(field + ": " + reason);
        this.errors = List.of(new Problem.FieldError(field, reason));
    }

    /** Several refused fields at once (e.g. every error found while validating a plan). */
    public InvalidRequestException(List<Problem.FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.reason()).collect(java.util.stream.Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
