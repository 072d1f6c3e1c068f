package dev.rankforge.eval.step;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rankforge.eval.plan.StepKinds;
import dev.rankforge.eval.plan.StepSpec;
import dev.rankforge.service.problem.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Every {@link StepHandler} bean by kind; reads a plan step's JSON into its typed, validated spec. */
@ApplicationScoped
public class StepHandlers implements StepKinds {
    private final Map<String, StepHandler<?>> byKind = new TreeMap<>();
    private final ObjectMapper strict;
    private final Validator validator;

    public StepHandlers(Instance<StepHandler<?>> handlers, ObjectMapper json, Validator validator) {
        handlers.forEach(h -> byKind.put(h.kind(), h));
        this.strict = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        this.validator = validator;
    }

    @Override
    public Set<String> names() {
        return byKind.keySet();
    }

    @SuppressWarnings("unchecked")
    public <S extends StepSpec> StepHandler<S> of(String kind) {
        StepHandler<?> handler = byKind.get(kind);
        if (handler == null) {
            throw new IllegalStateException("no handler for step kind " + kind);
        }
        return (StepHandler<S>) handler;
    }

    /** The stored spec of a step read back into its type (it was validated when the plan was accepted). */
    public StepSpec spec(String kind, JsonNode spec) {
        return strict.convertValue(spec, of(kind).specType());
    }

    @Override
    public Optional<StepSpec> read(String kind, JsonNode spec, String path, List<FieldError> errors) {
        StepHandler<StepSpec> handler = of(kind);
        StepSpec typed;
        try {
            typed = strict.treeToValue(spec, handler.specType());
        } catch (JsonMappingException e) {
            errors.add(new FieldError(path + pathOf(e), reasonOf(e)));
            return Optional.empty();
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            errors.add(new FieldError(path, e.getMessage()));
            return Optional.empty();
        }
        int before = errors.size();
        for (ConstraintViolation<StepSpec> v : validator.validate(typed)) {
            errors.add(new FieldError(path + "." + v.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "")
                    .replaceAll("<[^>]+>", ""), v.getMessage()));
        }
        if (errors.size() == before) {
            handler.check(typed).forEach(e -> errors.add(new FieldError(path + "." + e.field(), e.reason())));
        }
        return errors.size() == before ? Optional.of(typed) : Optional.empty();
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String reasonOf(JsonMappingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'; known: " + String.join(", ",
                    u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList());
        }
        String message = e.getOriginalMessage();
        int cut = message.indexOf(" at [");
        return cut > 0 ? message.substring(0, cut) : message;
    }
}
