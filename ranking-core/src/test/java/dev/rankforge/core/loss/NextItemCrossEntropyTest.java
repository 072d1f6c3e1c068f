package dev.rankforge.core.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

class NextItemCrossEntropyTest {
    private final NextItemCrossEntropy loss = new NextItemCrossEntropy(3);

    // One user, two positions, items 1..3 (column 0 is padding). Position 0 is padding (target 0).
    // The item table is the identity, so the representations are the scores.
    private static final float[] SCORES = {
        5f, 1f, 2f, 3f,
        7f, 0.5f, -1f, 2f};
    private static final long[] TARGETS = {0, 2};

    @Test
    void equalsHandComputedCrossEntropyIgnoringPaddingColumnAndPositions() {
        try (NDManager m = NDManager.newBaseManager()) {
            float value = evaluate(m, SCORES);
            // Only position 1 counts; softmax over items 1..3 of (0.5, -1, 2), target item 2 (score -1).
            double logZ = Math.log(Math.exp(0.5) + Math.exp(-1) + Math.exp(2));
            assertThat((double) value).isCloseTo(logZ + 1, within(1e-5));
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray scores = m.create(SCORES, new Shape(1, 2, 4));
            scores.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray value = loss.evaluate(new NDList(m.create(TARGETS, new Shape(1, 2))),
                        new NDList(scores, m.eye(4)));
                gc.backward(value);
            }
            float[] analytic = scores.getGradient().toFloatArray();
            double eps = 1e-2;
            for (int i = 0; i < SCORES.length; i++) {
                float[] plus = SCORES.clone();
                float[] minus = SCORES.clone();
                plus[i] += (float) eps;
                minus[i] -= (float) eps;
                double numeric = (evaluate(m, plus) - evaluate(m, minus)) / (2 * eps);
                assertThat((double) analytic[i]).as("d loss / d score[%d]", i).isCloseTo(numeric, within(2e-3));
            }
            assertThat(analytic[0] + analytic[4]).as("padding column gets no gradient").isCloseTo(0f, within(1e-6f));
        }
    }

    @Test
    void paddingPositionsDoNotChangeTheLoss() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] changed = SCORES.clone();
            changed[1] = 40f; // position 0 is padding
            assertThat(evaluate(m, changed)).isCloseTo(evaluate(m, SCORES), within(1e-6f));
        }
    }

    private float evaluate(NDManager m, float[] scores) {
        return loss.evaluate(new NDList(m.create(TARGETS, new Shape(1, 2))),
                new NDList(m.create(scores, new Shape(1, 2, 4)), m.eye(4))).getFloat();
    }
}
