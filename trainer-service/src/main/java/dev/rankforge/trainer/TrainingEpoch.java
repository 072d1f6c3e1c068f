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

/** One finished epoch of a training job: loss, validation NDCG@10 (full ranking) and throughput. */
@Entity
@Table(name = "training_epoch")
public class TrainingEpoch extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    public double loss;
    @Column(name = "validation_ndcg10")
    public double validationNdcg10;
    @Column(name = "sequences_per_second")
    public double sequencesPerSecond;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    public static List<TrainingEpoch> ofJob(UUID jobId) {
        return list("key.jobId = ?1 order by key.epoch", jobId);
    }

    /** Composite key (job, epoch). */
    @Embeddable
    public record Key(@Column(name = "job_id") UUID jobId, int epoch) implements Serializable {
    }
}
