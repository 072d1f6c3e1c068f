package dev.rankforge.eval.step;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

/**
 * What a handler sees of its running step: the job id (fixed when the experiment was created, so a restart
 * resends the same job), its name and bindings, the outputs of its inputs, and a way to work in the background.
 * {@code outputs} reads a finished step instance's output by instance name.
 */
public final class StepRun {
    private final UUID experimentId;
    private final UUID jobId;
    private final String name;
    private final java.util.function.Supplier<String> experimentName;
    private final java.util.function.Supplier<String> team;
    private final Map<String, JsonNode> bindings;
    private final Map<String, String> inputs;
    private final BiFunction<String, Class<?>, Object> outputs;
    private final java.util.function.Consumer<Callable<StepUpdate>> background;

    public StepRun(UUID experimentId, UUID jobId, String name, java.util.function.Supplier<String> experimentName,
                   java.util.function.Supplier<String> team, Map<String, JsonNode> bindings,
                   Map<String, String> inputs, BiFunction<String, Class<?>, Object> outputs, java.util.function.Consumer<Callable<StepUpdate>> background) {
        this.experimentId = experimentId;
        this.jobId = jobId;
        this.name = name;
        this.experimentName = experimentName;
        this.team = team;
        this.bindings = bindings;
        this.inputs = inputs;
        this.outputs = outputs;
        this.background = background;
    }

    public UUID experimentId() {
        return experimentId;
    }

    /** The job id of this step in its owning service. */
    public UUID jobId() {
        return jobId;
    }

    /** The step instance's name, e.g. {@code surrogate[budget=500]}. */
    public String name() {
        return name;
    }

    /** Read when asked (one database read), not when the run is made. */
    public String experimentName() {
        return experimentName.get();
    }

    /** The experiment's team, which owns what the step creates; read when asked. */
    public String team() {
        return team.get();
    }

    public Map<String, JsonNode> bindings() {
        return bindings;
    }

    /** The typed output of the input step named {@code step} in the plan. */
    public <T> T output(String step, Class<T> type) {
        return type.cast(outputs.apply(inputName(step), type));
    }

    /** The instance of plan step {@code step} this step reads, e.g. {@code victim[arch=narm]}. */
    public String inputName(String step) {
        String name = inputs.get(step);
        if (name == null) {
            throw new IllegalArgumentException("step " + this.name + " does not read step '" + step + "'");
        }
        return name;
    }

    /** Runs work on eval-service's step worker pool; its update is applied when it returns (failed if it throws). */
    public void inBackground(Callable<StepUpdate> work) {
        background.accept(work);
    }
}
