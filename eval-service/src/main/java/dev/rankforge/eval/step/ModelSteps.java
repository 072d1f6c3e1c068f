package dev.rankforge.eval.step;

import dev.rankforge.contracts.DistillationParams;
import dev.rankforge.contracts.JobStatus;
import dev.rankforge.contracts.TrainingEvent;
import dev.rankforge.contracts.TrainingParams;
import dev.rankforge.eval.results.ResultValue;
import dev.rankforge.core.loss.Losses;
import dev.rankforge.core.nn.Architectures;
import dev.rankforge.service.problem.Problem.FieldError;
import java.util.List;
import java.util.TreeSet;
import java.util.Set;

/** What the three model-producing step kinds share: their names, and how a training event becomes an update. */
public final class ModelSteps {
    /** Step kinds whose output is a {@link ModelOutput}. */
    public static final Set<String> KINDS = Set.of("train", "extract", "distill");

    private ModelSteps() {
    }

    /** Refuses an architecture ranking-core does not know, naming those it does. */
    public static List<FieldError> checkArchitecture(String architecture) {
        return Architectures.isKnown(architecture) ? List.of() : List.of(new FieldError("architecture",
                "unknown architecture '" + architecture + "'; known: " + String.join(", ", new TreeSet<>(Architectures.names()))));
    }

    /**
     * Refuses what trainer-service would refuse of a distillation: a loss ranking-core does not know, one-pass prefix
     * encoding for a student {@code architecture} (null: not known yet) that encodes each prefix in its own pass, and
     * prefixes per sequence with one-pass.
     */
    public static List<FieldError> checkDistillation(DistillationParams distillation, String architecture) {
        List<FieldError> errors = new java.util.ArrayList<>();
        String loss = distillation == null ? null : distillation.loss();
        if (loss != null && !Losses.names().contains(loss)) {
            errors.add(new FieldError("distillation.loss",
                    "unknown loss '" + loss + "'; known: " + String.join(", ", Losses.names())));
        }
        if (distillation != null && DistillationParams.ONE_PASS.equals(distillation.prefixEncoding())) {
            if (architecture != null && Architectures.isKnown(architecture)
                    && !Architectures.encodesPrefixesInOnePass(architecture)) {
                errors.add(new FieldError("distillation.prefixEncoding", Architectures.onePassRefusal(architecture)));
            }
            if (distillation.prefixesPerSequence() != null) {
                errors.add(new FieldError("distillation.prefixesPerSequence",
                        DistillationParams.NO_PREFIXES_PER_SEQUENCE_WITH_ONE_PASS));
            }
        }
        return errors;
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
