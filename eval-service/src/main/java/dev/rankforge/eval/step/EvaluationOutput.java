package dev.rankforge.eval.step;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Output of an {@code evaluate} step: every model's metrics per protocol on the test split, and the fidelity
 * (Agreement@K, EM@K of top-K lists on the same test histories) of each requested pair.
 *
 * @param models protocol → {@code metric@k} → value, per model ({@code popularity} is the baseline)
 */
public record EvaluationOutput(UUID datasetId, int users, List<String> protocols, List<Integer> ks,
                               List<ModelMetrics> models, List<PairFidelity> fidelity) {

    /** One model's figures; {@code step} is the plan step that made it, or {@code popularity}. */
    public record ModelMetrics(String step, UUID modelId, Map<String, Map<String, Double>> metrics) {
    }

    /** How closely model {@code b} reproduces model {@code a}'s top-K lists. */
    public record PairFidelity(String a, String b, Map<String, Double> metrics) {
    }
}
