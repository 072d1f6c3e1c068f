package dev.rankforge.trainer.run;

import dev.rankforge.contracts.TrainingKind;

/** Trains the model of one job kind; the worker around it claims, records, stores and registers. */
public interface JobRunner {
    TrainingKind kind();

    /** @throws java.util.concurrent.CancellationException when the job is cancelled meanwhile */
    JobOutcome run(JobRun run) throws Exception;
}
