package dev.rankforge.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Outcome of an attack job on {@link Topics#ATTACK_EVENTS}: the target's hit rate and NDCG at {@code k}
 * over the attacked users, before and after pollution, and the black-box queries spent.
 */
public record AttackEvent(
        int schemaVersion,
        UUID jobId,
        JobStatus status,
        Integer targetItem,
        List<Integer> injectedItems,
        Integer usersAttacked,
        Integer k,
        Double hitRateBefore,
        Double hitRateAfter,
        Double ndcgBefore,
        Double ndcgAfter,
        Long queries,
        String error,
        Instant at) {
}
