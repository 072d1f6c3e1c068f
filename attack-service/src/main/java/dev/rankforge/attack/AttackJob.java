package dev.rankforge.attack;

import dev.rankforge.service.job.JobEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/**
 * A durable profile-pollution job against a victim model's black-box API; the id is the request's job id.
 */
@Entity
@Table(name = "attack_job")
public class AttackJob extends JobEntity {
    @Column(name = "victim_model_id")
    public UUID victimModelId;
    @Column(name = "dataset_id")
    public UUID datasetId;
    @Column(name = "dataset_uri")
    public String datasetUri;
    /** Requested target, or the one the job chose. */
    @Column(name = "target_item")
    public Integer targetItem;
    /** Comma-separated item ids appended to each attacked history, in order. */
    @Column(name = "injected_items")
    public String injectedItems;
    @Column(name = "injected_count")
    public int injectedCount;
    @Column(name = "max_users")
    public int maxUsers;
    public int k;
    public long seed;
    @Column(name = "users_attacked")
    public Integer usersAttacked;
    @Column(name = "hit_rate_before")
    public Double hitRateBefore;
    @Column(name = "hit_rate_after")
    public Double hitRateAfter;
    @Column(name = "ndcg_before")
    public Double ndcgBefore;
    @Column(name = "ndcg_after")
    public Double ndcgAfter;
    public Long queries;

    public List<Integer> injectedList() {
        if (injectedItems == null || injectedItems.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(injectedItems.split(",")).map(Integer::valueOf).toList();
    }
}
