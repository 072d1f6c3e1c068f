package dev.rankforge.attack.rest;

import dev.rankforge.contracts.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An attack job as the API shows it. Hit rate and NDCG are the target item's, at {@code k}, averaged over
 * the attacked users, measured on the victim's black-box answers before and after pollution.
 */
public record AttackJobView(UUID id, JobStatus status, UUID victimModelId, UUID datasetId, Integer targetItem,
                            List<Integer> injectedItems, int maxUsers, int k, Integer usersAttacked,
                            Double hitRateBefore, Double hitRateAfter, Double ndcgBefore, Double ndcgAfter,
                            Long queries, String error, Instant createdAt, Instant startedAt, Instant finishedAt) {
}
