package dev.rankforge.eval;

import dev.rankforge.service.job.JobEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A durable evaluation of one model on its dataset's test split; id = the request's job id. */
@Entity
@Table(name = "eval_job")
public class EvalJob extends JobEntity {
    @Column(name = "model_id")
    public UUID modelId;
    @Column(name = "model_uri")
    public String modelUri;
    @Column(name = "dataset_id")
    public UUID datasetId;
    @Column(name = "dataset_uri")
    public String datasetUri;
    /** How candidates were ranked, reported with every number. */
    public String protocol;
    @Column(name = "users_evaluated")
    public Integer usersEvaluated;
    /** Metrics of the model, keyed like {@code ndcg@10}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "model_metrics", columnDefinition = "jsonb")
    public Map<String, Double> modelMetrics;
    /** Metrics of the popularity baseline under the same protocol. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "popularity_metrics", columnDefinition = "jsonb")
    public Map<String, Double> popularityMetrics;
}
