package dev.rankforge.eval.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rankforge.service.problem.InvalidRequestException;
import dev.rankforge.service.problem.Problem.FieldError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Plan validation and matrix expansion, with step kinds that read their inputs from plain fields. */
class PlanExpanderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Kinds for the test: {@code source} reads nothing, {@code model} reads {@code from}, {@code join} reads {@code a}, {@code b}. */
    private static final StepKinds KINDS = new StepKinds() {
        @Override
        public Set<String> names() {
            return Set.of("source", "model", "join");
        }

        @Override
        public Optional<StepSpec> read(String kind, JsonNode spec, String path, List<FieldError> errors) {
            if (spec.has("size") && !spec.get("size").isInt()) {
                errors.add(new FieldError(path + ".size", "must be an integer"));
                return Optional.empty();
            }
            List<StepInput> inputs = switch (kind) {
                case "model" -> List.of(new StepInput("from", spec.path("from").asText(), Set.of("source", "model")));
                case "join" -> List.of(new StepInput("a", spec.path("a").asText(), Set.of("model")),
                        new StepInput("b", spec.path("b").asText(), Set.of("model")));
                default -> List.of();
            };
            return Optional.of(() -> inputs);
        }
    };

    private final PlanExpander expander = new PlanExpander(KINDS);

    private ExpandedPlan expand(String plan) throws Exception {
        return expander.expand(JSON.readTree(plan));
    }

    private List<FieldError> errorsOf(String plan) {
        try {
            expand(plan);
        } catch (InvalidRequestException e) {
            return e.errors();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("plan was accepted: " + plan);
    }

    @Test
    void aMatrixExpandsOnlyTheStepsThatDependOnItAndSharesTheRest() throws Exception {
        ExpandedPlan plan = expand("""
                {"name": "sweep", "matrix": {"arch": ["narm", "sasrec"], "size": [100, 200], "seed": [1, 2]},
                 "steps": {
                   "data":   {"kind": "source"},
                   "victim": {"kind": "model", "from": "data", "arch": "${arch}", "tag": "v-${seed}"},
                   "copy":   {"kind": "model", "from": "victim", "size": "${size}"},
                   "both":   {"kind": "join", "a": "victim", "b": "copy"}}}""");
        Map<String, StepInstance> byName = new java.util.LinkedHashMap<>();
        plan.steps().forEach(s -> byName.put(s.name(), s));
        // data 1 + victim 2×2 (arch, seed) + copy 2×2×2 + both 8
        assertThat(plan.steps()).hasSize(1 + 4 + 8 + 8);
        assertThat(byName).containsKey("data");
        StepInstance copy = byName.get("copy[arch=sasrec,size=200,seed=1]");
        assertThat(copy.spec().get("size").isInt()).as("a whole ${var} keeps the value's type").isTrue();
        assertThat(copy.inputs()).containsEntry("victim", "victim[arch=sasrec,seed=1]");
        assertThat(byName.get("victim[arch=narm,seed=2]").spec().get("tag").asText()).isEqualTo("v-2");
        assertThat(byName.get("victim[arch=narm,seed=2]").inputs()).containsEntry("data", "data");
        List<String> order = plan.steps().stream().map(StepInstance::name).toList();
        for (StepInstance s : plan.steps()) {
            s.inputs().values().forEach(input -> assertThat(order.indexOf(input)).isLessThan(order.indexOf(s.name())));
        }
    }

    @Test
    void everyErrorIsReportedWithItsPathInThePlan() {
        assertThat(errorsOf("""
                {"steps": {"data": {"kind": "sorce"}, "m": {"kind": "model", "from": "data", "x": "${nope}"}},
                 "extra": 1}"""))
                .extracting(FieldError::field)
                .contains("name", "extra", "steps.data.kind", "steps.m.x");
        assertThat(errorsOf("""
                {"name": "p", "steps": {"m": {"kind": "model", "from": "dtaa"}}}"""))
                .singleElement().satisfies(e -> {
                    assertThat(e.field()).isEqualTo("steps.m.from");
                    assertThat(e.reason()).contains("no step named 'dtaa'");
                });
        assertThat(errorsOf("""
                {"name": "p", "steps": {"s": {"kind": "source"}, "j": {"kind": "join", "a": "s", "b": "s"}}}"""))
                .extracting(FieldError::field).containsExactly("steps.j.a", "steps.j.b");
        assertThat(errorsOf("""
                {"name": "p", "matrix": {"n": ["a", 1]}, "steps": {"m": {"kind": "model", "from": "m", "size": "${n}"}}}"""))
                .singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("steps.m.size"));
    }

    @Test
    void theStepsAStepReadsCannotVaryWithTheMatrix() {
        assertThat(errorsOf("""
                {"name": "p", "matrix": {"src": ["a", "b"]}, "steps": {"a": {"kind": "source"}, "b": {"kind": "source"},
                 "m": {"kind": "model", "from": "${src}"}}}"""))
                .singleElement().satisfies(e -> {
                    assertThat(e.field()).isEqualTo("steps.m");
                    assertThat(e.reason()).contains("cannot depend on matrix variables");
                });
        assertThat(errorsOf("""
                {"name": "p", "matrix": {"flag": [true, "true"]}, "steps": {"a": {"kind": "source", "x": "${flag}"}}}"""))
                .as("true and \"true\" would name the same instance").extracting(FieldError::field).contains("matrix.flag");
    }

    @Test
    void cyclesAreRefusedWithTheirPath() {
        assertThat(errorsOf("""
                {"name": "p", "steps": {"a": {"kind": "model", "from": "b"}, "b": {"kind": "model", "from": "c"},
                 "c": {"kind": "model", "from": "a"}}}"""))
                .singleElement().satisfies(e -> {
                    assertThat(e.field()).isEqualTo("steps.c.from");
                    assertThat(e.reason()).isEqualTo("cycle a → b → c → a");
                });
    }

    @Test
    void aSweepThatIsTooLargeIsRefusedBeforeAnythingRuns() {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            values.append(i == 0 ? "" : ",").append(i);
        }
        assertThat(errorsOf("""
                {"name": "p", "matrix": {"a": [%s], "b": [%s]},
                 "steps": {"s": {"kind": "source", "x": "${a}-${b}"}}}""".formatted(values, values)))
                .singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("matrix"));
        assertThatThrownBy(() -> expand("[]")).isInstanceOf(InvalidRequestException.class);
    }
}
