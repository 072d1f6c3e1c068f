package dev.rankforge.eval.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.rankforge.service.problem.InvalidRequestException;
import dev.rankforge.service.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates an experiment plan and expands its {@code matrix} into step instances.
 *
 * <p>A plan is {@code {name, matrix?, steps}}: {@code steps} maps step names to {@code {kind, …settings}};
 * settings may use {@code ${var}} for a matrix variable (a whole value keeps the variable's JSON type). A step
 * depends on the variables it uses and on those of its inputs, and gets one instance per combination of exactly
 * those: a dataset used by every cell of a sweep runs once. Every error found is reported at once, each with its
 * path in the plan ({@code steps.victim.params.epochs}).
 */
public final class PlanExpander {
    /** Most step instances one plan may expand to. */
    public static final int MAX_INSTANCES = 500;
    /** Longest step instance name (the name with its bindings). */
    public static final int MAX_NAME = 300;
    private static final Pattern STEP_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_]*)}");

    private final StepKinds kinds;

    public PlanExpander(StepKinds kinds) {
        this.kinds = kinds;
    }

    /** @throws InvalidRequestException listing every problem, each with its path in the plan */
    public ExpandedPlan expand(JsonNode plan) {
        List<FieldError> errors = new ArrayList<>();
        if (plan == null || !plan.isObject()) {
            throw new InvalidRequestException("", "a plan is a JSON object {name, matrix, steps}");
        }
        for (Iterator<String> it = plan.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!Set.of("name", "description", "matrix", "steps").contains(field)) {
                errors.add(new FieldError(field, "unknown field (a plan has name, description, matrix, steps)"));
            }
        }
        String name = plan.path("name").asText("");
        if (!plan.path("name").isTextual() || name.isBlank() || name.length() > 200) {
            errors.add(new FieldError("name", "is required: text of 1 to 200 characters"));
        }
        Map<String, List<JsonNode>> matrix = readMatrix(plan.get("matrix"), errors);
        Map<String, JsonNode> rawSteps = new LinkedHashMap<>();
        JsonNode steps = plan.get("steps");
        if (steps == null || !steps.isObject() || steps.isEmpty()) {
            errors.add(new FieldError("steps", "is required: an object of named steps, e.g. {\"data\": {\"kind\": \"dataset\", …}}"));
        } else {
            steps.fields().forEachRemaining(e -> rawSteps.put(e.getKey(), e.getValue()));
        }
        Map<String, Step> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : rawSteps.entrySet()) {
            parseStep(entry.getKey(), entry.getValue(), matrix, errors).ifPresent(s -> parsed.put(s.name, s));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        checkInputs(parsed, rawSteps, errors);
        List<Step> order = errors.isEmpty() ? topologicalOrder(parsed, errors) : List.of();
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        List<StepInstance> instances = instantiate(order, parsed, matrix, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new ExpandedPlan(name, plan, instances);
    }

    /** A plan step read with the first value of every variable, enough to know its kind, inputs and variables. */
    private record Step(String name, String kind, ObjectNode raw, Set<String> variables, List<StepInput> inputs) {
    }

    private static Map<String, List<JsonNode>> readMatrix(JsonNode matrix, List<FieldError> errors) {
        Map<String, List<JsonNode>> out = new LinkedHashMap<>();
        if (matrix == null || matrix.isNull()) {
            return out;
        }
        if (!matrix.isObject()) {
            errors.add(new FieldError("matrix", "must be an object of variable → list of values"));
            return out;
        }
        matrix.fields().forEachRemaining(e -> {
            String path = "matrix." + e.getKey();
            if (!e.getKey().matches("[A-Za-z][A-Za-z0-9_]*")) {
                errors.add(new FieldError(path, "variable names are letters, digits and _, starting with a letter"));
            } else if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                errors.add(new FieldError(path, "must be a non-empty list of values"));
            } else {
                List<JsonNode> values = new ArrayList<>();
                Set<String> seen = new LinkedHashSet<>();
                for (JsonNode v : e.getValue()) {
                    if (!v.isValueNode() || v.isNull()) {
                        errors.add(new FieldError(path, "values must be numbers, text or booleans"));
                        return;
                    }
                    if (!seen.add(v.asText())) { // instance names show values as text: true and "true" would clash
                        errors.add(new FieldError(path, "value " + v + " is listed twice"));
                        return;
                    }
                    values.add(v);
                }
                out.put(e.getKey(), values);
            }
        });
        return out;
    }

    private Optional<Step> parseStep(String name, JsonNode raw, Map<String, List<JsonNode>> matrix,
                                     List<FieldError> errors) {
        String path = "steps." + name;
        if (!STEP_NAME.matcher(name).matches()) {
            errors.add(new FieldError(path, "step names are 1-64 letters, digits, - and _, starting with a letter"));
            return Optional.empty();
        }
        if (raw == null || !raw.isObject()) {
            errors.add(new FieldError(path, "a step is an object {kind, …settings}"));
            return Optional.empty();
        }
        String kind = raw.path("kind").asText("");
        if (!kinds.names().contains(kind)) {
            errors.add(new FieldError(path + ".kind", (kind.isEmpty() ? "is required" : "unknown step kind '" + kind + "'")
                    + "; known: " + String.join(", ", new TreeSet<>(kinds.names()))));
            return Optional.empty();
        }
        ObjectNode settings = ((ObjectNode) raw).deepCopy();
        settings.remove("kind");
        Set<String> variables = new LinkedHashSet<>();
        collectVariables(settings, path, matrix, variables, errors);
        Map<String, JsonNode> first = new HashMap<>();
        matrix.forEach((v, values) -> first.put(v, values.get(0)));
        return kinds.read(kind, substitute(settings, first), path, errors)
                .map(spec -> new Step(name, kind, settings, variables, spec.inputs()));
    }

    private static void collectVariables(JsonNode node, String path, Map<String, List<JsonNode>> matrix,
                                         Set<String> out, List<FieldError> errors) {
        if (node.isTextual()) {
            Matcher m = VARIABLE.matcher(node.asText());
            while (m.find()) {
                if (matrix.containsKey(m.group(1))) {
                    out.add(m.group(1));
                } else {
                    errors.add(new FieldError(path, "unknown matrix variable '" + m.group(1) + "'"));
                }
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> collectVariables(e.getValue(), path + "." + e.getKey(), matrix, out, errors));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectVariables(node.get(i), path + "[" + i + "]", matrix, out, errors);
            }
        }
    }

    private void checkInputs(Map<String, Step> steps, Map<String, JsonNode> raw, List<FieldError> errors) {
        for (Step step : steps.values()) {
            for (StepInput input : step.inputs()) {
                String path = "steps." + step.name() + "." + input.field();
                Step target = steps.get(input.step());
                if (target == null) {
                    errors.add(new FieldError(path, raw.containsKey(input.step())
                            ? "step '" + input.step() + "' is invalid (see its errors)"
                            : "no step named '" + input.step() + "' in the plan"));
                } else if (!input.kinds().contains(target.kind())) {
                    errors.add(new FieldError(path, "step '" + input.step() + "' is a " + target.kind()
                            + " step; expected " + String.join(" or ", new TreeSet<>(input.kinds()))));
                }
            }
        }
    }

    /** Depth-first: each step after its inputs, in plan order otherwise; a cycle is named with its path. */
    private static List<Step> topologicalOrder(Map<String, Step> steps, List<FieldError> errors) {
        List<Step> order = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
        for (Step step : steps.values()) {
            visit(step, steps, state, new ArrayList<>(), order, errors);
            if (!errors.isEmpty()) {
                break;
            }
        }
        return order;
    }

    private static void visit(Step step, Map<String, Step> steps, Map<String, Integer> state, List<String> path,
                              List<Step> order, List<FieldError> errors) {
        Integer s = state.get(step.name());
        if (s != null && s == 2) {
            return;
        }
        path.add(step.name());
        if (s != null) {
            List<String> cycle = path.subList(path.indexOf(step.name()), path.size());
            String from = path.get(path.size() - 2);
            String field = steps.get(from).inputs().stream().filter(i -> i.step().equals(step.name()))
                    .findFirst().map(StepInput::field).orElse("");
            errors.add(new FieldError("steps." + from + "." + field, "cycle " + String.join(" → ", cycle)));
            return;
        }
        state.put(step.name(), 1);
        for (StepInput input : step.inputs()) {
            visit(steps.get(input.step()), steps, state, path, order, errors);
            if (!errors.isEmpty()) {
                return;
            }
        }
        path.remove(path.size() - 1);
        state.put(step.name(), 2);
        order.add(step);
    }

    private List<StepInstance> instantiate(List<Step> order, Map<String, Step> steps,
                                           Map<String, List<JsonNode>> matrix, List<FieldError> errors) {
        Map<String, List<String>> variablesOf = new HashMap<>();
        for (Step step : order) {
            Set<String> vars = new LinkedHashSet<>(step.variables());
            step.inputs().forEach(i -> vars.addAll(variablesOf.get(i.step())));
            variablesOf.put(step.name(), matrix.keySet().stream().filter(vars::contains).toList());
        }
        long total = 0;
        for (Step step : order) {
            long n = 1;
            for (String v : variablesOf.get(step.name())) {
                n = Math.min(n * matrix.get(v).size(), MAX_INSTANCES + 1L); // capped: 64 binary variables overflow a long
            }
            total = Math.min(total + n, MAX_INSTANCES + 1L);
        }
        if (total > MAX_INSTANCES) {
            errors.add(new FieldError("matrix", "expands to " + total + " step instances; at most " + MAX_INSTANCES));
            return List.of();
        }
        List<StepInstance> out = new ArrayList<>();
        for (Step step : order) {
            List<String> vars = variablesOf.get(step.name());
            for (Map<String, JsonNode> bindings : combinations(vars, matrix)) {
                String path = "steps." + step.name();
                ObjectNode spec = substitute(step.raw(), bindings);
                int before = errors.size();
                Optional<StepSpec> typed = kinds.read(step.kind(), spec, path, errors);
                typed.filter(t -> !t.inputs().equals(step.inputs())).ifPresent(t -> errors.add(new FieldError(path,
                        "the steps a step reads cannot depend on matrix variables")));
                String instanceName = instanceName(step.name(), bindings);
                if (instanceName.length() > MAX_NAME) {
                    errors.add(new FieldError(path, "instance name " + instanceName.substring(0, 40) + "… is longer than "
                            + MAX_NAME + " characters; use shorter matrix values"));
                }
                if (errors.size() > before && !bindings.isEmpty()) {
                    for (int i = before; i < errors.size(); i++) {
                        FieldError e = errors.get(i);
                        errors.set(i, new FieldError(e.field(), e.reason() + " (with " + label(bindings) + ")"));
                    }
                }
                Map<String, String> inputs = new LinkedHashMap<>();
                for (StepInput input : step.inputs()) {
                    Map<String, JsonNode> projected = new LinkedHashMap<>();
                    variablesOf.get(input.step()).forEach(v -> projected.put(v, bindings.get(v)));
                    inputs.put(input.step(), instanceName(input.step(), projected));
                }
                out.add(new StepInstance(instanceName, step.name(), step.kind(), spec,
                        bindings, inputs));
            }
        }
        return out;
    }

    private static List<Map<String, JsonNode>> combinations(List<String> vars, Map<String, List<JsonNode>> matrix) {
        List<Map<String, JsonNode>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (String v : vars) {
            List<Map<String, JsonNode>> next = new ArrayList<>();
            for (Map<String, JsonNode> partial : out) {
                for (JsonNode value : matrix.get(v)) {
                    Map<String, JsonNode> m = new LinkedHashMap<>(partial);
                    m.put(v, value);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /** e.g. {@code surrogate[loss=listnet,budget=500]}; just the step's name when it does not vary. */
    public static String instanceName(String step, Map<String, JsonNode> bindings) {
        return bindings.isEmpty() ? step : step + "[" + label(bindings) + "]";
    }

    private static String label(Map<String, JsonNode> bindings) {
        List<String> parts = new ArrayList<>();
        bindings.forEach((k, v) -> parts.add(k + "=" + v.asText()));
        return String.join(",", parts);
    }

    static ObjectNode substitute(ObjectNode node, Map<String, JsonNode> bindings) {
        return (ObjectNode) substituteNode(node, bindings);
    }

    private static JsonNode substituteNode(JsonNode node, Map<String, JsonNode> bindings) {
        if (node.isTextual()) {
            String text = node.asText();
            Matcher whole = VARIABLE.matcher(text);
            if (whole.matches() && bindings.containsKey(whole.group(1))) {
                return bindings.get(whole.group(1)).deepCopy();
            }
            Matcher m = VARIABLE.matcher(text);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                JsonNode value = bindings.get(m.group(1));
                m.appendReplacement(sb, Matcher.quoteReplacement(value == null ? m.group() : value.asText()));
            }
            m.appendTail(sb);
            return TextNode.valueOf(sb.toString());
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), substituteNode(e.getValue(), bindings)));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(substituteNode(n, bindings)));
            return out;
        }
        return node;
    }
}
