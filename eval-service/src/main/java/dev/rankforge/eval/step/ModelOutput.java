package dev.rankforge.eval.step;

import java.util.UUID;

/**
 * Output of a model-producing step ({@code train}, {@code extract}, {@code distill}): the registered model and
 * its last validation figure.
 *
 * @param validationMetric {@code ndcg@10} (train, full ranking) or {@code agreement@10} with the teacher or victim
 * @param queriesSpent     extract: black-box queries answered
 */
public record ModelOutput(UUID jobId, String kind, UUID modelId, String modelUri, String architecture,
                          UUID datasetId, String validationMetric, Double validationScore, Integer epochs,
                          Long queriesSpent) {
}
