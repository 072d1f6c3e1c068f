package dev.rankforge.core.train;

import java.util.function.Consumer;

/**
 * Where a run resumes from and where its end-of-epoch checkpoints go.
 *
 * @param resumeFrom the checkpoint to continue from, or {@code null} for a fresh run
 * @param sink       receives a checkpoint after every epoch (e.g. writes it atomically to disk); null for none
 */
public record Checkpointing(TrainingCheckpoint resumeFrom, Consumer<TrainingCheckpoint> sink) {
    public static final Checkpointing NONE = new Checkpointing(null, null);

    /** Whether anyone receives checkpoints (when not, the loop does not serialise them). */
    public boolean enabled() {
        return sink != null;
    }
}
