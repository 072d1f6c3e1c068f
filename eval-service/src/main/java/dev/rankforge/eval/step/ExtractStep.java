package dev.rankforge.eval.step;

import dev.rankforge.contracts.BlackBoxTarget;
import dev.rankforge.contracts.DistillationParams;
import dev.rankforge.contracts.ExtractionParams;
import dev.rankforge.contracts.SchemaVersion;
import dev.rankforge.contracts.TrainingKind;
import dev.rankforge.contracts.TrainingParams;
import dev.rankforge.contracts.TrainingRequest;
import dev.rankforge.eval.client.TrainerApi;
import dev.rankforge.eval.messaging.EvalMessagePublisher;
import dev.rankforge.eval.plan.StepInput;
import dev.rankforge.eval.plan.StepSpec;
import dev.rankforge.service.problem.Problem.FieldError;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * {@code extract}: a surrogate learnt from a black box's ranked lists only (an EXTRACT job in trainer-service).
 * The black box is a model step of the plan ({@code victim}) or any endpoint ({@code target}).
 */
@Singleton // no client proxy: the shared base class has no no-args constructor
public class ExtractStep extends TrainingJobStep<ExtractStep.Spec> {
    private final EvalMessagePublisher publisher;

    public ExtractStep(EvalMessagePublisher publisher, @RestClient TrainerApi trainer) {
        super(trainer);
        this.publisher = publisher;
    }

    /**
     * @param dataset      the item catalogue and the test users fidelity is measured on
     * @param victim       a model step whose black-box API is queried; or give {@code target}
     * @param target       any black-box endpoint (trainer-service's {@code extraction.target})
     * @param architecture the surrogate's architecture (default {@code narm})
     * @param extraction   generator ({@code autoregressive}, {@code random}), budget in sequences, their length
     * @param distillation loss, k ({@code listLength}), negatives
     */
    public record Spec(@NotBlank String dataset, String victim, BlackBoxTarget target, String architecture,
                       TrainingParams params, @Valid Budget extraction, @Valid DistillationParams distillation)
            implements StepSpec {
        @Override
        public List<StepInput> inputs() {
            return Inputs.dataset(dataset).model("victim", victim).list();
        }

        String architectureOrDefault() {
            return architecture == null ? "narm" : architecture;
        }
    }

    /** The query budget: {@code sequences} generated sequences of {@code length} items, one query per item. */
    public record Budget(String generator, @Min(1) @Max(1_000_000) Integer sequences, @Min(2) @Max(1000) Integer length) {
    }

    @Override
    public String kind() {
        return "extract";
    }

    @Override
    public Class<Spec> specType() {
        return Spec.class;
    }

    @Override
    public List<FieldError> check(Spec spec) {
        List<FieldError> errors = new ArrayList<>(ModelSteps.checkArchitecture(spec.architectureOrDefault()));
        errors.addAll(ModelSteps.checkDistillation(spec.distillation(), spec.architectureOrDefault()));
        if ((spec.victim() == null) == (spec.target() == null)) {
            errors.add(new FieldError("victim", "give exactly one of 'victim' (a model step) or 'target' (an endpoint)"));
        }
        return errors;
    }

    @Override
    public void start(StepRun run, Spec spec) {
        DatasetOutput data = run.output(spec.dataset(), DatasetOutput.class);
        BlackBoxTarget target = spec.victim() != null
                ? BlackBoxTarget.ourModel(run.output(spec.victim(), ModelOutput.class).modelId()) : spec.target();
        Budget budget = spec.extraction() == null ? new Budget(null, null, null) : spec.extraction();
        publisher.send(new TrainingRequest(SchemaVersion.CURRENT, run.jobId(), TrainingKind.EXTRACT, data.datasetId(),
                data.artifactUri(), spec.architectureOrDefault(),
                spec.params() == null ? TrainingParams.defaults() : spec.params(), null, spec.distillation(),
                new ExtractionParams(budget.generator(), budget.sequences(), budget.length(), target), null,
                run.team()));
    }

    @Override
    String architecture(StepRun run, Spec spec) {
        return spec.architectureOrDefault();
    }

    @Override
    TrainingParams params(Spec spec) {
        return spec.params();
    }
}
