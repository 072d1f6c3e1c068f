package dev.rankforge.eval.step;

import dev.rankforge.contracts.JobStatus;
import dev.rankforge.contracts.TrainingEvent;
import dev.rankforge.contracts.TrainingParams;
import dev.rankforge.eval.results.ResultValue;
import java.util.List;
import java.util.Set;

/** What the three model-producing step kinds share: their names, and how a training event becomes an update. */
public final class ModelSteps {
    /** Step kinds whose output is a {@link ModelOutput}. */
    public static final Set<String> KINDS = Set.of("train", "extract", "distill");

    private ModelSteps() {
    }

    /** The update a trainer-service event makes to a step whose job it is. */
    public static StepUpdate update(StepRun run, Object event, String architecture, TrainingParams params) {
        Long seed = params == null ? null : params.seed();
        if (!(event instanceof TrainingEvent e) || !run.jobId().equals(e.jobId())) {
            return StepUpdate.none();
        }
        if (e.status() == JobStatus.SUCCEEDED) {
            ModelOutput output = new ModelOutput(e.jobId(), e.kind().name().toLowerCase(), e.modelId(), e.modelUri(),
                    architecture, e.datasetId(), e.validationMetric(), e.validationScore(), e.epoch(), e.queriesSpent());
            List<ResultValue> values = e.validationScore() == null || e.validationMetric() == null ? List.of()
                    : List.of(ResultValue.of(run.name(), e.modelId(), e.validationMetric(),
                    e.validationMetric().startsWith("agreement") ? "fidelity" : "full-ranking", "validation",
                    e.validationScore(), e.datasetId(), seed));
            return new StepUpdate.Succeeded(output, values);
        }
        if (e.status().isTerminal()) {
            return new StepUpdate.Failed("training job " + e.status().name().toLowerCase()
                    + (e.error() == null ? "" : ": " + e.error()));
        }
        int epoch = e.epoch() == null ? 0 : e.epoch();
        if (e.epochFraction() != null) { // within an epoch: the bar moves by the share of it done
            return new StepUpdate.Progress(new StepProgress(epoch, e.epochs(), "epochs", e.epochFraction(), e.loss(),
                    e.validationMetric(), e.validationScore(), e.examplesPerSecond(), e.queriesSpent(), null));
        }
        return new StepUpdate.Progress(new StepProgress(epoch, e.epochs(), "epochs", null, e.loss(),
                e.validationMetric(), e.validationScore(), e.examplesPerSecond(), e.queriesSpent(), null));
    }
}
