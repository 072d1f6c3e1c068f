package dev.rankforge.eval.step;

import dev.rankforge.eval.plan.StepInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds a spec's {@link StepInput}s: its dataset step, then the model steps it names (absent ones skipped). */
final class Inputs {
    private final List<StepInput> inputs = new ArrayList<>();

    private Inputs() {
    }

    static Inputs dataset(String step) {
        Inputs out = new Inputs();
        out.inputs.add(new StepInput("dataset", step, Set.of("dataset")));
        return out;
    }

    /** A model step read from {@code field}; nothing when {@code step} is absent. */
    Inputs model(String field, String step) {
        if (step != null) {
            inputs.add(new StepInput(field, step, ModelSteps.KINDS));
        }
        return this;
    }

    List<StepInput> list() {
        return List.copyOf(inputs);
    }
}
