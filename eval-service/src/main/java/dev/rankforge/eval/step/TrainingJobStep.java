package dev.rankforge.eval.step;

import dev.rankforge.contracts.TrainingParams;
import dev.rankforge.eval.client.TrainerApi;
import dev.rankforge.eval.plan.StepSpec;

/**
 * What the step kinds run as trainer-service jobs (train, extract, distill) share: their events become
 * {@link ModelOutput}s, and cancelling cancels the training job.
 */
abstract class TrainingJobStep<S extends StepSpec> implements StepHandler<S> {
    private final TrainerApi trainer;

    TrainingJobStep(TrainerApi trainer) {
        this.trainer = trainer;
    }

    /** The architecture the job trains, recorded in its output. */
    abstract String architecture(StepRun run, S spec);

    abstract TrainingParams params(S spec);

    @Override
    public StepUpdate onEvent(StepRun run, S spec, Object event) {
        return ModelSteps.update(run, event, architecture(run, spec), params(spec));
    }

    @Override
    public void cancel(StepRun run) {
        trainer.cancel(run.jobId(), run.team());
    }
}
