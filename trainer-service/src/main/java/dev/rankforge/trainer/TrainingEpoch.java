package dev.rankforge.trainer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One finished epoch of a training job: loss, validation score (the job's validation metric) and throughput. */
@Entity
@Table(name = "training_epoch")
public class TrainingEpoch extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    public double loss;
    @Column(name = "validation_score")
    public double validationScore;
    @Column(name = "examples_per_second")
    public double examplesPerSecond;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    public static List<TrainingEpoch> ofJob(UUID jobId) {
        return list("key.jobId = ?1 order by key.epoch", jobId);
    }

    /** Forgets epochs a resumed job will run again (finished after its last checkpoint). */
    public static long deleteAfter(UUID jobId, int epoch) {
        return delete("key.jobId = ?1 and key.epoch > ?2", jobId, epoch);
    }

    /** Composite key (job, epoch). */
    @Embeddable
    public record Key(@Column(name = "job_id") UUID jobId, int epoch) implements Serializable {
    }
}
