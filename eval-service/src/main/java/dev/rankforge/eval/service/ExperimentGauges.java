package dev.rankforge.eval.service;

import dev.rankforge.eval.EvalJob;
import dev.rankforge.eval.Experiment;
import dev.rankforge.eval.ExperimentStep;
import dev.rankforge.service.job.JobStateGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * eval-service's gauges {@code rankforge_jobs{type, state}} for experiments, their steps and evaluation jobs, so
 * /q/metrics shows how much of the fleet's work is waiting or running.
 */
@Singleton
public class ExperimentGauges {
    private static final Duration EVERY = Duration.ofSeconds(5);

    @Produces
    @Singleton
    @Startup
    @Named("experiments")
    JobStateGauges experiments(MeterRegistry meters) {
        return new JobStateGauges(meters, Experiment.class, "experiment", EVERY);
    }

    @Produces
    @Singleton
    @Startup
    @Named("steps")
    JobStateGauges steps(MeterRegistry meters) {
        return new JobStateGauges(meters, ExperimentStep.class, "experiment-step", EVERY);
    }

    @Produces
    @Singleton
    @Startup
    @Named("evaluations")
    JobStateGauges evaluations(MeterRegistry meters) {
        return new JobStateGauges(meters, EvalJob.class, "evaluation", EVERY);
    }

    void close(@Disposes @Named("experiments") JobStateGauges gauges) {
        gauges.close();
    }

    void closeSteps(@Disposes @Named("steps") JobStateGauges gauges) {
        gauges.close();
    }

    void closeEvaluations(@Disposes @Named("evaluations") JobStateGauges gauges) {
        gauges.close();
    }
}
