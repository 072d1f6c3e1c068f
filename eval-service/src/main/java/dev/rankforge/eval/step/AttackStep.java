package dev.rankforge.eval.step;

import dev.rankforge.contracts.AttackEvent;
import dev.rankforge.contracts.AttackParams;
import dev.rankforge.contracts.AttackRequest;
import dev.rankforge.contracts.BlackBoxTarget;
import dev.rankforge.contracts.JobStatus;
import dev.rankforge.contracts.SchemaVersion;
import dev.rankforge.eval.messaging.EvalMessagePublisher;
import dev.rankforge.eval.plan.StepInput;
import dev.rankforge.eval.plan.StepSpec;
import dev.rankforge.eval.results.ResultValue;
import dev.rankforge.service.problem.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code attack}: profile pollution or data poisoning against a victim (a model step or any endpoint), with a
 * surrogate model step for the gradient choosers; an attack job in attack-service.
 */
@ApplicationScoped
public class AttackStep implements StepHandler<AttackStep.Spec> {
    private static final Set<String> METHODS = Set.of("pollution", "poisoning");
    private final EvalMessagePublisher publisher;

    public AttackStep(EvalMessagePublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * @param method    {@code pollution} or {@code poisoning}
     * @param victim    a model step attacked through its black-box API; or give {@code target}
     * @param surrogate a model step the {@code gradient}, {@code gradient-paper} and {@code cw} choosers read
     * @param dataset   the victim's training data (real users, popularity, poisoning's base)
     * @param targets   items to promote; absent: {@code params.targetCount} at evenly spaced popularity ranks
     */
    public record Spec(@NotBlank String method, String victim, BlackBoxTarget target, String surrogate,
                       @NotBlank String dataset, List<@Min(1) Integer> targets, AttackParams params) implements StepSpec {
        @Override
        public List<StepInput> inputs() {
            return Inputs.dataset(dataset).model("victim", victim).model("surrogate", surrogate).list();
        }
    }

    @Override
    public String kind() {
        return "attack";
    }

    @Override
    public Class<Spec> specType() {
        return Spec.class;
    }

    @Override
    public List<FieldError> check(Spec spec) {
        List<FieldError> errors = new ArrayList<>();
        if (!METHODS.contains(spec.method())) {
            errors.add(new FieldError("method", "must be 'pollution' or 'poisoning'"));
        }
        if ((spec.victim() == null) == (spec.target() == null)) {
            errors.add(new FieldError("victim", "give exactly one of 'victim' (a model step) or 'target' (an endpoint)"));
        }
        String chooser = spec.params() == null ? null : spec.params().chooser();
        if (chooser != null && !dev.rankforge.core.attack.ItemChoosers.names().contains(chooser)) {
            errors.add(new FieldError("params.chooser", "unknown chooser '" + chooser + "'; known: "
                    + String.join(", ", new java.util.TreeSet<>(dev.rankforge.core.attack.ItemChoosers.names()))));
        }
        return errors;
    }

    @Override
    public void start(StepRun run, Spec spec) {
        DatasetOutput data = run.output(spec.dataset(), DatasetOutput.class);
        BlackBoxTarget victim = spec.victim() != null
                ? BlackBoxTarget.ourModel(run.output(spec.victim(), ModelOutput.class).modelId()) : spec.target();
        publisher.send(new AttackRequest(SchemaVersion.CURRENT, run.jobId(), spec.method(), victim,
                spec.surrogate() == null ? null : run.output(spec.surrogate(), ModelOutput.class).modelId(),
                data.datasetId(), data.artifactUri(), spec.targets(), spec.params(), run.team()));
    }

    @Override
    public StepUpdate onEvent(StepRun run, Spec spec, Object event) {
        if (!(event instanceof AttackEvent e) || !run.jobId().equals(e.jobId())) {
            return StepUpdate.none();
        }
        if (e.status() == JobStatus.SUCCEEDED) {
            AttackOutput output = new AttackOutput(e.jobId(), e.method(), e.chooser(), e.knowledge(), e.meanBefore(),
                    e.meanAfter(), e.queries() == null ? 0 : e.queries(), e.results(), e.poisoning());
            return new StepUpdate.Succeeded(output, values(run, spec, output));
        }
        if (e.status().isTerminal()) {
            return new StepUpdate.Failed("attack job " + e.status().name().toLowerCase()
                    + (e.error() == null ? "" : ": " + e.error()));
        }
        return new StepUpdate.Progress(new StepProgress(e.results() == null ? 0 : e.results().size(),
                e.targetsTotal(), "targets", null, null, null, null, null, e.queries(), e.stage()));
    }

    /** Mean and per-target exposure, before and after, under each protocol the attack measured. */
    private static List<ResultValue> values(StepRun run, Spec spec, AttackOutput output) {
        List<ResultValue> values = new ArrayList<>();
        Long seed = spec.params() == null ? null : spec.params().seed();
        DatasetOutput data = run.output(spec.dataset(), DatasetOutput.class);
        java.util.UUID victim = spec.victim() == null ? null : run.output(spec.victim(), ModelOutput.class).modelId();
        addAll(values, run.name(), victim, output.meanBefore(), "before", data, seed);
        addAll(values, run.name(), victim, output.meanAfter(), "after", data, seed);
        if (output.targets() != null) {
            for (AttackEvent.TargetResult t : output.targets()) {
                addAll(values, "target:" + t.target(), victim, t.before(), "before", data, seed);
                addAll(values, "target:" + t.target(), victim, t.after(), "after", data, seed);
            }
        }
        return values;
    }

    private static void addAll(List<ResultValue> out, String subject, java.util.UUID modelId,
                               Map<String, Map<String, Double>> byProtocol, String split, DatasetOutput data, Long seed) {
        if (byProtocol == null) {
            return;
        }
        byProtocol.forEach((protocol, metrics) -> metrics.forEach((metric, value) -> out.add(ResultValue.of(subject,
                modelId, "target-" + metric, protocol, split, value, data.datasetId(), seed))));
    }
}
