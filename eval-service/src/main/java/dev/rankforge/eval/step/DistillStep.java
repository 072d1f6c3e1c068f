package dev.rankforge.eval.step;

import dev.rankforge.contracts.DistillationParams;
import dev.rankforge.contracts.SchemaVersion;
import dev.rankforge.contracts.TrainingKind;
import dev.rankforge.contracts.TrainingParams;
import dev.rankforge.contracts.TrainingRequest;
import dev.rankforge.eval.client.TrainerApi;
import dev.rankforge.eval.messaging.EvalMessagePublisher;
import dev.rankforge.eval.plan.StepInput;
import dev.rankforge.eval.plan.StepSpec;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** {@code distill}: a student learnt from a white-box teacher's ranked lists on the dataset's sequences (DISTILL job). */
@Singleton // no client proxy: the shared base class has no no-args constructor
public class DistillStep extends TrainingJobStep<DistillStep.Spec> {
    private final EvalMessagePublisher publisher;

    public DistillStep(EvalMessagePublisher publisher, @RestClient TrainerApi trainer) {
        super(trainer);
        this.publisher = publisher;
    }

    /** @param teacher a model step; @param architecture the student's (default: the teacher's) */
    public record Spec(@NotBlank String dataset, @NotBlank String teacher, String architecture, TrainingParams params,
                       @Valid DistillationParams distillation) implements StepSpec {
        @Override
        public List<StepInput> inputs() {
            return Inputs.dataset(dataset).model("teacher", teacher).list();
        }
    }

    @Override
    public String kind() {
        return "distill";
    }

    @Override
    public Class<Spec> specType() {
        return Spec.class;
    }

    @Override
    public List<dev.rankforge.service.problem.Problem.FieldError> check(Spec spec) {
        List<dev.rankforge.service.problem.Problem.FieldError> errors = new java.util.ArrayList<>(
                spec.architecture() == null ? List.of() : ModelSteps.checkArchitecture(spec.architecture()));
        errors.addAll(ModelSteps.checkDistillation(spec.distillation(), spec.architecture()));
        return errors;
    }

    @Override
    public void start(StepRun run, Spec spec) {
        DatasetOutput data = run.output(spec.dataset(), DatasetOutput.class);
        ModelOutput teacher = run.output(spec.teacher(), ModelOutput.class);
        publisher.send(new TrainingRequest(SchemaVersion.CURRENT, run.jobId(), TrainingKind.DISTILL, data.datasetId(),
                data.artifactUri(), architecture(run, spec),
                spec.params() == null ? TrainingParams.defaults() : spec.params(), teacher.modelId(),
                spec.distillation(), null, null, run.team()));
    }

    @Override
    String architecture(StepRun run, Spec spec) {
        return spec.architecture() != null ? spec.architecture() : run.output(spec.teacher(), ModelOutput.class).architecture();
    }

    @Override
    TrainingParams params(Spec spec) {
        return spec.params();
    }

}
