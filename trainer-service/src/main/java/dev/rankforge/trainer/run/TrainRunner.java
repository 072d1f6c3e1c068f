package dev.rankforge.trainer.run;

import dev.rankforge.contracts.TrainingKind;
import dev.rankforge.core.train.SequenceTrainer;
import dev.rankforge.trainer.config.TrainerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** TRAIN: supervised training on the dataset's training parts (fine-tuning when the job names an initial model). */
@ApplicationScoped
public class TrainRunner implements JobRunner {
    private final TrainerConfig config;

    public TrainRunner(TrainerConfig config) {
        this.config = config;
    }

    @Override
    public TrainingKind kind() {
        return TrainingKind.TRAIN;
    }

    @Override
    public JobOutcome run(JobRun run) {
        var result = new SequenceTrainer(run.params().trainConfig(config.device()), run.params().objective())
                .train(run.spec(), run.data(), run.listener(), run.cancelled(), run.checkpointing());
        return new JobOutcome(result, run.job().initialModelId == null ? Map.of()
                : Map.of("fineTunedFrom", run.job().initialModelId), Map.of());
    }
}
