package dev.rankforge.eval.step;

import dev.rankforge.eval.results.ResultValue;
import java.util.List;

/** What happened to a step: progress, success with its typed output and result values, or failure. */
public sealed interface StepUpdate {
    /** A progress report (shown on the experiment's resource and in the CLI). */
    record Progress(StepProgress progress) implements StepUpdate {
    }

    /** The step finished: its output feeds later steps; its values go to the results store. */
    record Succeeded(Object output, List<ResultValue> values) implements StepUpdate {
    }

    record Failed(String reason) implements StepUpdate {
    }

    /** The event was not about this step or changes nothing. */
    record None() implements StepUpdate {
    }

    static StepUpdate none() {
        return new None();
    }
}
