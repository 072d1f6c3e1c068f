package dev.rankforge.attack.rest;

import dev.rankforge.contracts.AttackParams;
import dev.rankforge.contracts.BlackBoxTarget;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;

/**
 * Body of {@code POST /attack-jobs}, as {@link dev.rankforge.contracts.AttackRequest} without the schema version.
 *
 * @param method     {@code pollution} (default)
 * @param victim     our black-box API ({@code {"modelId": ...}}) or any endpoint
 * @param datasetUri sequence artifact whose users' test histories are attacked
 * @param targets    items to promote; absent: {@code params.targetCount} items at evenly spaced popularity ranks
 */
public record AttackJobRequest(UUID jobId, String method, @NotNull BlackBoxTarget victim, UUID surrogateModelId,
                               @NotNull UUID datasetId, @NotBlank String datasetUri, List<Integer> targets,
                               AttackParams params) {
}
