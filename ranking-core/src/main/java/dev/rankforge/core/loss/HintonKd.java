package dev.rankforge.core.loss;

import ai.djl.ndarray.NDArray;

/**
 * Knowledge distillation (Hinton et al. 2015): labels are the teacher's scores (logits);
 * {@code loss = T² · KL(softmax(t/T) || softmax(s/T))} over the real entries of each row.
 */
public final class HintonKd implements RankingLoss {
    public static final String NAME = "hinton-kd";
    private final float temperature;

    public HintonKd(float temperature) {
        this.temperature = temperature;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public NDArray evaluate(ListBatch batch) {
        NDArray perEntry = klTerms(batch, temperature);
        NDArray perRow = perEntry.sum(new int[] {1}).mul(temperature * temperature);
        return ListOps.meanOverRows(perRow, batch.mask().sum(new int[] {1}));
    }

    /** {@code p_t (log p_t - log p_s)} per entry, padding zeroed. */
    static NDArray klTerms(ListBatch batch, float temperature) {
        NDArray logTeacher = ListOps.logSoftmax(batch.labels().div(temperature), batch.mask());
        NDArray logStudent = ListOps.logSoftmax(batch.scores().div(temperature), batch.mask());
        return logTeacher.exp().mul(logTeacher.sub(logStudent)).mul(batch.mask());
    }
}
