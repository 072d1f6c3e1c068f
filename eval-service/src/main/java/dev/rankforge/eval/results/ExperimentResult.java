package dev.rankforge.eval.results;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One number in the results store: what was measured ({@code metric@k} under {@code protocol} on {@code split}),
 * about what ({@code subject}, model), by which step, under which matrix bindings, dataset version and seed,
 * and the step instances it descends from.
 */
@Entity
@Table(name = "experiment_result")
public class ExperimentResult extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "experiment_id")
    public UUID experimentId;
    public String step;
    public String kind;
    public String subject;
    @Column(name = "model_id")
    public UUID modelId;
    public String metric;
    public Integer k;
    public String protocol;
    public String split;
    public double value;
    @Column(name = "dataset_id")
    public UUID datasetId;
    public Long seed;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, JsonNode> bindings;
    /** Step instances this number descends from, nearest first. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> lineage;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
