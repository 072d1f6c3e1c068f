package dev.rankforge.contracts;

import java.util.UUID;

/**
 * Asks attack-service to run a profile-pollution attack against a victim model's black-box API;
 * consumed from {@link Topics#ATTACK_REQUESTS}, idempotent on {@code jobId}.
 *
 * @param targetItem    item to promote; {@code null} lets the service choose one
 * @param injectedItems number of items appended to each polluted history
 * @param maxUsers      number of test users attacked (the first users without the target in their history)
 * @param k             cut-off of the recommendation list and of HR/NDCG
 */
public record AttackRequest(
        int schemaVersion,
        UUID jobId,
        UUID victimModelId,
        UUID datasetId,
        String datasetUri,
        Integer targetItem,
        Integer injectedItems,
        Integer maxUsers,
        Integer k,
        Long seed) {
}
