package dev.rankforge.eval.plan;

import java.util.Set;

/**
 * One earlier step a step reads: the field of the plan that names it, the step's name, and the step kinds that
 * may stand there (e.g. an attack's {@code surrogate} must be a model-producing step).
 */
public record StepInput(String field, String step, Set<String> kinds) {
}
