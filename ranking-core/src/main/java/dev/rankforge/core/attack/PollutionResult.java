package dev.rankforge.core.attack;

import java.util.List;

/**
 * Outcome of a profile-pollution attack: the target's mean HR@k and NDCG@k over the attacked users before
 * and after pollution, and the black-box queries spent (one per history).
 */
public record PollutionResult(int target, List<Integer> injected, int users, int k, double hitRateBefore,
                              double hitRateAfter, double ndcgBefore, double ndcgAfter, long queries) {
}
