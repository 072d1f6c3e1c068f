package dev.rankforge.eval.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One step of an expanded plan: a plan step under one combination of the matrix variables it depends on.
 * A step that uses no variable (directly or through its inputs) has one instance, shared by the whole sweep.
 *
 * @param name     unique in the experiment: the step's name, plus {@code [var=value,…]} when it varies
 * @param step     the plan step it comes from
 * @param spec     the step's settings with the variables substituted
 * @param bindings the matrix variables this instance depends on and their values
 * @param inputs   plan step name → the instance of it this instance reads
 */
public record StepInstance(String name, String step, String kind, ObjectNode spec, Map<String, JsonNode> bindings,
                           Map<String, String> inputs) {
}
