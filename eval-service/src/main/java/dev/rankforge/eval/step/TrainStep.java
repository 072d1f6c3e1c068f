package dev.rankforge.eval.step;

import dev.rankforge.contracts.TrainingParams;
import dev.rankforge.contracts.TrainingRequest;
import dev.rankforge.eval.client.TrainerApi;
import dev.rankforge.eval.messaging.EvalMessagePublisher;
import dev.rankforge.eval.plan.StepInput;
import dev.rankforge.eval.plan.StepSpec;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** {@code train}: a supervised TRAIN job in trainer-service (a victim), optionally fine-tuned from an earlier model. */
@Singleton // no client proxy: the shared base class has no no-args constructor
public class TrainStep extends TrainingJobStep<TrainStep.Spec> {
    private final EvalMessagePublisher publisher;

    public TrainStep(EvalMessagePublisher publisher, @RestClient TrainerApi trainer) {
        super(trainer);
        this.publisher = publisher;
    }

    /**
     * @param dataset      the dataset step to train on
     * @param architecture a ranking-core architecture (default {@code gru4rec})
     * @param initialModel a model step to fine-tune from (same architecture and sizes); absent: from scratch
     */
    public record Spec(@NotBlank String dataset, String architecture, TrainingParams params,
                       String initialModel) implements StepSpec {
        @Override
        public List<StepInput> inputs() {
            return Inputs.dataset(dataset).model("initialModel", initialModel).list();
        }

        String architectureOrDefault() {
            return architecture == null ? "gru4rec" : architecture;
        }
    }

    @Override
    public String kind() {
        return "train";
    }

    @Override
    public Class<Spec> specType() {
        return Spec.class;
    }

    @Override
    public java.util.List<dev.rankforge.service.problem.Problem.FieldError> check(Spec spec) {
        return ModelSteps.checkArchitecture(spec.architectureOrDefault());
    }

    @Override
    public void start(StepRun run, Spec spec) {
        DatasetOutput data = run.output(spec.dataset(), DatasetOutput.class);
        ModelOutput initial = spec.initialModel() == null ? null : run.output(spec.initialModel(), ModelOutput.class);
        publisher.send(TrainingRequest.fineTune(run.jobId(), data.datasetId(), data.artifactUri(),
                spec.architectureOrDefault(), spec.params() == null ? TrainingParams.defaults() : spec.params(),
                initial == null ? null : initial.modelId(), run.team()));
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
