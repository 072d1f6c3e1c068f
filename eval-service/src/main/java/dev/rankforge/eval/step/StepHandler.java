package dev.rankforge.eval.step;

import dev.rankforge.eval.plan.StepSpec;
import dev.rankforge.service.problem.Problem.FieldError;
import java.util.List;

/**
 * One step kind of an experiment plan (a CDI bean): reads its typed spec, builds its job from earlier steps'
 * typed outputs, recognises the job's events and turns them into a typed output. Adding a step kind is adding
 * one implementation.
 *
 * @param <S> the step's settings as read from the plan
 */
public interface StepHandler<S extends StepSpec> {
    /** The {@code kind} that selects this handler in a plan, e.g. {@code train}. */
    String kind();

    Class<S> specType();

    /** Checks Bean Validation cannot express (one-of fields, names); fields relative to the step. */
    default List<FieldError> check(S spec) {
        return List.of();
    }

    /**
     * Starts the step's work: sends its request (answered by events) or runs it in the background. Called again
     * with the same job id after a restart, so it must be idempotent on {@link StepRun#jobId()}.
     */
    void start(StepRun run, S spec) throws Exception;

    /** Turns an event about this step's job into an update; {@link StepUpdate#none()} for others. */
    default StepUpdate onEvent(StepRun run, S spec, Object event) {
        return StepUpdate.none();
    }

    /** Asks the owning service to stop the step's job, if it can. */
    default void cancel(StepRun run) {
    }
}
