package dev.rankforge.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A stored, immutable dataset version: its preprocessed leave-one-out sequences live in the artifact store
 * under {@link #artifactUri}, identified by {@link #sha256}, and it belongs to {@link #team}.
 */
@Entity
@Table(name = "dataset")
public class Dataset extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public DatasetSource source;
    /** The generator spec or preprocessing settings (their shape depends on the source). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public JsonNode spec;
    public int users;
    public int items;
    public long interactions;
    @Column(name = "artifact_uri")
    public String artifactUri;
    public String sha256;
    /** Statistics (lengths, density, popularity Gini, lines read and skipped). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> statistics;
    /** Original ↔ dense ids of uploaded files; null for synthetic data. */
    @Column(name = "id_maps_uri")
    public String idMapsUri;
    /** The version a derived version was made from; null otherwise. */
    @Column(name = "base_dataset_id")
    public UUID baseDatasetId;
    @Column(name = "created_at")
    public Instant createdAt;
    public String team;

    /** The team's version of this content, if it has one (another team's identical upload is its own version). */
    public static Optional<Dataset> findBySha256(String team, String sha256) {
        return find("team = ?1 and sha256 = ?2", team, sha256).firstResultOptional();
    }
}
