package dev.rankforge.service.problem;

import java.util.List;

/** Thrown by services when a request is well-formed JSON but asks for something impossible; maps to 400. */
public class InvalidRequestException extends RuntimeException {
    private final List<Problem.FieldError> errors;

    public InvalidRequestException(String field, String reason) {
        super(field + ": " + reason);
        this.errors = List.of(new Problem.FieldError(field, reason));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
