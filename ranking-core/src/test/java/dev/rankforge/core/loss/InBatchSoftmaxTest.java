package dev.rankforge.core.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class InBatchSoftmaxTest {
    // One user, four positions (the first without a target), width 2. Item table rows: 0 padding, 1 = (1, 0),
    // 2 = (0, 1), 3 = (1, 1). Targets 1, 2, 1: candidates (1, 0), (0, 1), (1, 0); the two positions with item 1 are
    // each other's positives and leave each other out.
    private static final float[] REPRESENTATIONS = {9f, 9f, 2f, 0f, 0f, 1f, 1f, 1f};
    private static final float[] TABLE = {0f, 0f, 1f, 0f, 0f, 1f, 1f, 1f};
    private static final long[] TARGETS = {0, 1, 2, 1};

    @Test
    void uncorrectedEqualsHandComputedSoftmaxOverTheBatchTargets() {
        try (NDManager m = NDManager.newBaseManager()) {
            // scores per row (2, 0, 2), (0, 1, 0), (1, 1, 1); row 0 without column 2, row 2 without column 0
            double expected = (Math.log(1 + Math.exp(-2)) + Math.log(1 + 2 * Math.exp(-1)) + Math.log(2)) / 3;
            assertThat((double) evaluate(m, new InBatchSoftmax(3, false), REPRESENTATIONS)).isCloseTo(expected,
                    within(1e-5));
        }
    }

    @Test
    void logQCorrectionSubtractsTheLogOfEachCandidatesShare() {
        try (NDManager m = NDManager.newBaseManager()) {
            // Q = 2/3 for item 1, 1/3 for item 2 after counting this batch
            double expected = (Math.log(1 + 2 * Math.exp(-2)) + Math.log(1 + Math.exp(-1)) + Math.log(3)) / 3;
            assertThat((double) evaluate(m, new InBatchSoftmax(3, true), REPRESENTATIONS)).isCloseTo(expected,
                    within(1e-5));
        }
    }

    @Test
    void theCountStreamsAcrossBatches() {
        try (NDManager m = NDManager.newBaseManager()) {
            InBatchSoftmax loss = new InBatchSoftmax(3, true);
            evaluate(m, loss, REPRESENTATIONS);
            // After two batches the counts are 4 : 2, the same shares: the same value again.
            double expected = (Math.log(1 + 2 * Math.exp(-2)) + Math.log(1 + Math.exp(-1)) + Math.log(3)) / 3;
            assertThat((double) evaluate(m, loss, REPRESENTATIONS)).isCloseTo(expected, within(1e-5));
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        for (boolean corrected : new boolean[] {false, true}) {
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray representations = m.create(REPRESENTATIONS, new Shape(1, 4, 2));
                representations.setRequiresGradient(true);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(new InBatchSoftmax(3, corrected).evaluate(new NDList(m.create(TARGETS,
                            new Shape(1, 4))), new NDList(representations, m.create(TABLE, new Shape(4, 2)))));
                }
                float[] analytic = representations.getGradient().toFloatArray();
                double eps = 1e-2;
                for (int i = 0; i < REPRESENTATIONS.length; i++) {
                    float[] plus = REPRESENTATIONS.clone();
                    float[] minus = REPRESENTATIONS.clone();
                    plus[i] += (float) eps;
                    minus[i] -= (float) eps;
                    double numeric = (evaluate(m, new InBatchSoftmax(3, corrected), plus)
                            - evaluate(m, new InBatchSoftmax(3, corrected), minus)) / (2 * eps);
                    assertThat((double) analytic[i]).as("corrected %s: d loss / d representation[%d]", corrected, i)
                            .isCloseTo(numeric, within(2e-3));
                }
                assertThat(analytic[0]).as("a position without a target gets no gradient").isZero();
            }
        }
    }

    private static float evaluate(NDManager m, InBatchSoftmax loss, float[] representations) {
        return loss.evaluate(new NDList(m.create(TARGETS, new Shape(1, 4))),
                new NDList(m.create(representations, new Shape(1, 4, 2)), m.create(TABLE, new Shape(4, 2))))
                .getFloat();
    }
}
