package dev.rankforge.data;

import dev.rankforge.contracts.DatasetReady;
import dev.rankforge.contracts.JobStatus;
import dev.rankforge.contracts.TrainingEvent;
import dev.rankforge.contracts.TrainingKind;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a native image cannot see from the code: the messages Jackson writes and reads by reflection — the outbox
 * stores {@link DatasetReady} as JSON and the relay sends it through a generic emitter, and training events are
 * read into {@link TrainingEvent} — with the enums they carry. REST bodies and entities Quarkus registers itself.
 */
@RegisterForReflection(targets = {DatasetReady.class, TrainingEvent.class, JobStatus.class, TrainingKind.class})
public final class NativeImageHints {
    private NativeImageHints() {
    }
}
