package dev.rankforge.eval.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rankforge.service.problem.Problem;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the plan expander needs to know about step kinds: which exist, and how to read and check a spec. */
public interface StepKinds {
    Set<String> names();

    /**
     * Reads a step's settings into its typed spec.
     *
     * @param path where the step sits in the plan (e.g. {@code steps.victim}); errors name fields below it
     * @return the spec, or empty with the errors added to {@code errors}
     */
    Optional<StepSpec> read(String kind, JsonNode spec, String path, List<Problem.FieldError> errors);
}
