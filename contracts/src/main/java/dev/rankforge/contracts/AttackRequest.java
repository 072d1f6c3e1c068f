package dev.rankforge.contracts;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;

/**
 * Asks attack-service to attack a recommender; consumed from {@link Topics#ATTACK_REQUESTS}, idempotent on
 * {@code jobId}.
 *
 * @param method           {@code pollution} (items appended to real users' histories at inference time) or
 *                         {@code poisoning} (fake profiles added to the victim's training data, the victim
 *                         retrained by trainer-service; the victim must then be a model of our registry)
 * @param victim           the black box attacked: our API ({@code modelId}) or any endpoint
 * @param surrogateModelId a model of trainer-service's registry (usually an EXTRACT job's): the white box the
 *                         surrogate-based choosers differentiate; the victim's weights are never read
 * @param datasetId        dataset version whose users are attacked (their test histories)
 * @param datasetUri       its sequence artifact
 * @param targets          items to promote; absent: {@link AttackParams#targetCount()} items at evenly spaced
 *                         popularity ranks (the paper's protocol)
 * @param params           chooser and budget
 * @param team             the team the job belongs to; its surrogate and victim model must be that team's
 */
public record AttackRequest(
        int schemaVersion,
        UUID jobId,
        String method,
        BlackBoxTarget victim,
        UUID surrogateModelId,
        UUID datasetId,
        String datasetUri,
        List<Integer> targets,
        @Valid AttackParams params,
        String team) implements KeyedMessage {
    @Override
    public String messageKey() {
        return String.valueOf(jobId);
    }
}
