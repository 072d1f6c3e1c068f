package dev.rankforge.service.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Checks a request record against its Bean Validation constraints (the contracts' {@code @Min}, {@code @Max} …),
 * whether it came as a REST body or a Kafka message, and refuses it with every violation named by its path
 * ({@code params.epochs}). Hand-written checks remain only for rules that span fields or need data.
 */
@ApplicationScoped
public class RequestValidation {
    private final Validator validator;

    public RequestValidation(Validator validator) {
        this.validator = validator;
    }

    /** Throws an {@link InvalidRequestException} listing every violated constraint of {@code request}. */
    public void check(Object request) {
        Set<ConstraintViolation<Object>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            List<Problem.FieldError> errors = violations.stream()
                    .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .toList();
            throw new InvalidRequestException(errors);
        }
    }
}
