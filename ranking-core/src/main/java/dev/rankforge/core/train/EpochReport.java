package dev.rankforge.core.train;

import java.util.Map;

/**
 * What one finished epoch achieved.
 *
 * @param validation          validation metrics, keyed like {@code ndcg@10} or {@code agreement@10}
 * @param selectionMetric     the validation key that picks the best epoch
 * @param examplesPerSecond   training throughput over the epoch (sequences or distillation queries)
 * @param liveArrays          arrays alive under the model's manager after the epoch: constant from epoch to epoch
 *                            when no step leaks memory
 */
public record EpochReport(int epoch, int epochs, double loss, Map<String, Double> validation,
                          String selectionMetric, double examplesPerSecond, int liveArrays) {
    public double selectionValue() {
        return validation.getOrDefault(selectionMetric, 0.0);
    }
}
