package dev.rankforge.data;

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

/** Something that uses a dataset version (a training job, a model); a referenced version cannot be deleted. */
@Entity
@Table(name = "dataset_reference")
public class DatasetReference extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    public static List<DatasetReference> of(UUID datasetId) {
        return list("key.datasetId", datasetId);
    }

    /** Records a reference once (events may be redelivered). */
    public static void record(UUID datasetId, String kind, UUID referenceId) {
        Key key = new Key(datasetId, kind, referenceId);
        if (findById(key) == null) {
            DatasetReference r = new DatasetReference();
            r.key = key;
            r.recordedAt = Instant.now();
            r.persist();
        }
    }

    /** Composite key (dataset, kind, referencing id). */
    @Embeddable
    public record Key(@Column(name = "dataset_id") UUID datasetId, String kind,
                      @Column(name = "reference_id") UUID referenceId) implements Serializable {
    }
}
