package dev.rankforge.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * State and results of an attack job on {@link Topics#ATTACK_EVENTS}: sent when queued, when running, after each
 * target is measured, and when finished.
 *
 * @param knowledge    what the chooser needed beyond black-box access ({@code NONE}, {@code ITEM_POPULARITY},
 *                     {@code TRAINING_DATA}, {@code SURROGATE})
 * @param targetsTotal targets the job attacks
 * @param results      one entry per target measured so far
 * @param meanBefore   protocol → metric ({@code hr@k}, {@code ndcg@k}) → mean over the measured targets
 * @param queries      black-box calls spent (one per history sent, measurement included)
 * @param stage        where a poisoning job is: {@code PROFILES}, {@code RETRAINING}, {@code MEASURING}
 *                     (pollution: {@code MEASURING} only)
 * @param poisoning    poisoning lineage: the derived dataset and the clean and poisoned retrains; results then
 *                     compare the clean retrain (before) with the poisoned one (after)
 */
public record AttackEvent(
        int schemaVersion,
        UUID jobId,
        JobStatus status,
        String method,
        String chooser,
        String knowledge,
        Integer targetsTotal,
        List<TargetResult> results,
        Map<String, Map<String, Double>> meanBefore,
        Map<String, Map<String, Double>> meanAfter,
        Long queries,
        String stage,
        Poisoning poisoning,
        String error,
        Instant at) implements KeyedMessage {
    @Override
    public String messageKey() {
        return String.valueOf(jobId);
    }

    /** What a poisoning job made: its fake profiles' dataset version and the two retrains of the victim's spec. */
    public record Poisoning(int fakeProfiles, UUID derivedDatasetId, String derivedDatasetUri,
                            UUID cleanTrainingJobId, UUID poisonedTrainingJobId, UUID cleanModelId,
                            UUID poisonedModelId) {
    }

    /** One target's exposure before and after the attack. */
    public record TargetResult(int target, int users, Map<String, Map<String, Double>> before,
                               Map<String, Map<String, Double>> after, List<Integer> exampleInjected, long queries) {
    }
}
