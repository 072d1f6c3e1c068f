package dev.rankforge.eval.results;

import java.util.UUID;

/**
 * One number a step produced, before the results store adds the experiment, step, bindings and lineage.
 *
 * @param subject  what the number is about: a model's step, {@code popularity}, {@code a~b} for fidelity, or
 *                 {@code target:<item>} for one attack target
 * @param metric   e.g. {@code ndcg}, {@code recall}, {@code agreement}, {@code target-hr}
 * @param k        cut-off, or {@code null}
 * @param protocol e.g. {@code full-ranking}, {@code uniform-100}, {@code fidelity}
 * @param split    {@code test}, {@code validation}, {@code before}/{@code after} (attacks)
 */
public record ResultValue(String subject, UUID modelId, String metric, Integer k, String protocol, String split,
                          double value, UUID datasetId, Long seed) {

    /** Splits {@code ndcg@10} into metric and k. */
    public static ResultValue of(String subject, UUID modelId, String metricAtK, String protocol, String split,
                                 double value, UUID datasetId, Long seed) {
        int at = metricAtK.indexOf('@');
        if (at < 0) {
            return new ResultValue(subject, modelId, metricAtK, null, protocol, split, value, datasetId, seed);
        }
        return new ResultValue(subject, modelId, metricAtK.substring(0, at),
                Integer.valueOf(metricAtK.substring(at + 1)), protocol, split, value, datasetId, seed);
    }
}
