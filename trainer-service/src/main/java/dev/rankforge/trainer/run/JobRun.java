package dev.rankforge.trainer.run;

import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.train.Checkpointing;
import dev.rankforge.core.train.ProgressListener;
import dev.rankforge.trainer.TrainingJob;
import dev.rankforge.trainer.service.ResolvedParams;
import java.util.function.BooleanSupplier;

/**
 * What a {@link JobRunner} gets for one attempt of a job: the job as claimed, its resolved settings, the model it
 * trains, the dataset, and the worker's listener, cancel flag and checkpoints.
 */
public record JobRun(TrainingJob job, ResolvedParams params, ModelSpec spec, SequenceDataset data,
                     ProgressListener listener, BooleanSupplier cancelled, Checkpointing checkpointing) {
}
