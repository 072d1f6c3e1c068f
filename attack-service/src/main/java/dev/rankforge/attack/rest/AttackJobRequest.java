package dev.rankforge.attack.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * Body of {@code POST /attack-jobs}: profile pollution of a victim model.
 *
 * @param datasetUri    sequence artifact of the victim's dataset (test users are attacked)
 * @param targetItem    item to promote; absent: the job picks one outside the most popular quarter
 * @param injectedItems items appended to each history (default 3)
 * @param maxUsers      users attacked (default 500)
 * @param k             list cut-off (default 10)
 */
public record AttackJobRequest(UUID jobId, @NotNull UUID victimModelId, @NotNull UUID datasetId,
                               @NotBlank String datasetUri, @Min(1) Integer targetItem,
                               @Min(1) @Max(50) Integer injectedItems, @Min(1) @Max(100000) Integer maxUsers,
                               @Min(1) @Max(100) Integer k, Long seed) {
}
