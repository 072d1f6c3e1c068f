package dev.rankforge.core.train;

import java.util.Map;

/**
 * What one finished epoch achieved.
 *
 * @param validation        validation metrics (full ranking, seen items excluded), keyed like {@code ndcg@10}
 * @param sequencesPerSecond training throughput over the epoch
 */
public record EpochReport(int epoch, int epochs, double loss, Map<String, Double> validation,
                          double sequencesPerSecond) {
    public double validationNdcg10() {
        return validation.getOrDefault("ndcg@10", 0.0);
    }
}
