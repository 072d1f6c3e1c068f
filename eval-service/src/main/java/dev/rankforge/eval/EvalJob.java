package dev.rankforge.eval;

import dev.rankforge.service.job.JobEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

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
    /** Metrics of the model, JSON object keyed like {@code ndcg@10}. */
    @Column(name = "model_metrics")
    public String modelMetrics;
    /** Metrics of the popularity baseline under the same protocol. */
    @Column(name = "popularity_metrics")
    public String popularityMetrics;
}
