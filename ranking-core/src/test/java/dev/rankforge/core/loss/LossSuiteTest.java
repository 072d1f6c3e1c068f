package dev.rankforge.core.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.rankforge.core.loss.RankingDistillation.PositionWeight;
import java.util.Arrays;
import java.util.Random;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered loss against independent reference formulas, against finite-difference gradients, and
 * for invariance to padding. Arithmetic is float64 so finite differences are meaningful.
 */
class LossSuiteTest {
    private static final int ROWS = 2;
    private static final int LIST = 6;
    // Row 1's last entry is padding; its values are garbage that must not matter.
    private static final double[] SCORES = {0.3, -1.2, 2.0, 0.7, -0.4, 1.1, 1.5, 0.2, -0.9, 0.4, 0.8, 5.0};
    private static final double[] LABELS = {3, 0, 5, 1, 2, 4, 0, 2, 1, 4, 3, 9};
    private static final double[] MASK = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0};
    private static final double[] LOG_Q = {-1.0, -2.5, -0.7, -3.0, -1.9, -2.2, -1.0, -2.5, -0.7, -3.0, -1.9, -2.2};

    static Stream<String> names() {
        return Losses.names().stream();
    }

    /** The reference value of a loss for one row's real entries, by registry name. */
    private static double reference(String name, double[] s, double[] l, double[] logQ, int marginOffset) {
        return switch (name) {
            case "softmax-ce" -> ReferenceLosses.softmaxCe(s, l);
            case "sampled-softmax" -> ReferenceLosses.sampledSoftmax(s, l, logQ);
            case "bpr" -> ReferenceLosses.bpr(s, l);
            case "bce" -> ReferenceLosses.bce(s, l);
            case "listnet" -> ReferenceLosses.listNet(s, l);
            case "listmle" -> ReferenceLosses.listMle(s, l);
            case "pairwise-pl" -> ReferenceLosses.pairwisePl(s, l);
            case "lambdaloss" -> ReferenceLosses.lambdaLoss(s, l);
            case "approx-ndcg" -> ReferenceLosses.approxNdcg(s, l, 1.0);
            case "margin-rank" -> ReferenceLosses.marginRank(s, l, 1.0, 1);
            case "margin-rank-offset" -> ReferenceLosses.marginRank(s, l, 1.0, marginOffset);
            case "ranking-distillation" -> ReferenceLosses.rankingDistillation(s, l, PositionWeight.INVERSE, 10, false, 0.1);
            case "ranking-distillation-exp" -> ReferenceLosses.rankingDistillation(s, l, PositionWeight.EXPONENTIAL, 10, false, 0.1);
            case "ranking-distillation-uniform" -> ReferenceLosses.rankingDistillation(s, l, PositionWeight.UNIFORM, 10, false, 0.1);
            case "ranking-distillation-dynamic" -> ReferenceLosses.rankingDistillation(s, l, PositionWeight.INVERSE, 10, true, 0.1);
            case "hinton-kd" -> ReferenceLosses.hintonKd(s, l, 2.0);
            case "rank-weighted-kl" -> ReferenceLosses.rankWeightedKl(s, l, 2.0);
            default -> throw new AssertionError("no reference for " + name);
        };
    }

    @ParameterizedTest
    @MethodSource("names")
    void matchesTheReferenceFormula(String name) {
        // The registry's random-offset loss draws p from Random(0); k = 5 teacher items -> p in [1, 3].
        int offset = 1 + new Random(0).nextInt(3);
        double expected = 0;
        for (int row = 0; row < ROWS; row++) {
            int n = row == 0 ? LIST : LIST - 1;
            double[] s = Arrays.copyOfRange(SCORES, row * LIST, row * LIST + n);
            double[] l = Arrays.copyOfRange(LABELS, row * LIST, row * LIST + n);
            double[] q = Arrays.copyOfRange(LOG_Q, row * LIST, row * LIST + n);
            expected += reference(name, s, l, q, offset) / ROWS;
        }
        try (NDManager m = NDManager.newBaseManager()) {
            double actual = evaluate(m, Losses.create(name), SCORES, LABELS, MASK);
            assertThat(actual).as(name).isCloseTo(expected, within(1e-6 * Math.max(1, Math.abs(expected))));
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void gradientMatchesFiniteDifferencesAndPaddingGetsNone(String name) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray scores = m.create(SCORES, new Shape(ROWS, LIST));
            scores.setRequiresGradient(true);
            RankingLoss loss = Losses.create(name);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(loss.evaluate(batch(m, scores, LABELS, MASK)));
            }
            double[] analytic = scores.getGradient().toDoubleArray();
            double eps = 1e-6;
            for (int i = 0; i < SCORES.length; i++) {
                double[] plus = SCORES.clone();
                double[] minus = SCORES.clone();
                plus[i] += eps;
                minus[i] -= eps;
                double numeric = (evaluate(m, Losses.create(name), plus, LABELS, MASK)
                        - evaluate(m, Losses.create(name), minus, LABELS, MASK)) / (2 * eps);
                assertThat(analytic[i]).as("%s: d loss / d score[%d]", name, i).isCloseTo(numeric, within(1e-5));
            }
            assertThat(analytic[SCORES.length - 1]).as(name + ": padding gradient").isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void paddingValuesAndExtraPaddingColumnsDoNotChangeTheLoss(String name) {
        try (NDManager m = NDManager.newBaseManager()) {
            double base = evaluate(m, Losses.create(name), SCORES, LABELS, MASK);
            double[] otherScores = SCORES.clone();
            double[] otherLabels = LABELS.clone();
            otherScores[SCORES.length - 1] = -40;
            otherLabels[SCORES.length - 1] = 0;
            assertThat(evaluate(m, Losses.create(name), otherScores, otherLabels, MASK))
                    .as(name).isCloseTo(base, within(1e-9));
            double[] wideScores = widen(SCORES, 7.0);
            double[] wideLabels = widen(LABELS, 3.0);
            double[] wideMask = widen(MASK, 0.0);
            try (NDManager w = NDManager.newBaseManager()) {
                NDArray s = w.create(wideScores, new Shape(ROWS, LIST + 1));
                double wide = Losses.create(name).evaluate(batch(w, s, wideLabels, wideMask, LIST + 1)).getDouble();
                assertThat(wide).as(name + " with an extra padding column").isCloseTo(base, within(1e-9));
            }
        }
    }

    @Test
    void handWorkedValues() {
        try (NDManager m = NDManager.newBaseManager()) {
            // BPR, one pair with s_pos - s_neg = 1: -log sigmoid(1) = log(1 + e^-1)
            assertThat(evaluate(m, new Bpr(), new double[] {2, 1}, new double[] {1, 0}, new double[] {1, 1}, 1, 2))
                    .isCloseTo(0.31326168751822286, within(1e-12));
            // Margin ranking, margin 1: teacher order (a, b), negative c; a-b = 0.5 -> 0.5; a-c = 2, b-c = 1.5 -> 0
            assertThat(evaluate(m, new MarginRankingDistillation(1f), new double[] {3, 2.5, 1},
                    new double[] {2, 1, 0}, new double[] {1, 1, 1}, 1, 3)).isCloseTo(0.5, within(1e-12));
            // Pairwise Plackett-Luce: order (a, b, c) with equal scores, three pairs each at probability 1/2 -> log 2;
            // one pair 1 apart in the teacher's order -> log(1 + e^-1); the tie (labels 1, 1) is no pair
            assertThat(evaluate(m, new PairwisePlackettLuce(), new double[] {0, 0, 0}, new double[] {3, 2, 1},
                    new double[] {1, 1, 1}, 1, 3)).isCloseTo(Math.log(2), within(1e-12));
            assertThat(evaluate(m, new PairwisePlackettLuce(), new double[] {2, 1, 7}, new double[] {2, 1, 1},
                    new double[] {1, 1, 1}, 1, 3)).isCloseTo(
                    (Math.log1p(Math.exp(-1)) + Math.log1p(Math.exp(5))) / 2, within(1e-12));
            // Softmax CE over two equal scores: log 2
            assertThat(evaluate(m, new SoftmaxCrossEntropy(), new double[] {0, 0}, new double[] {1, 0},
                    new double[] {1, 1}, 1, 2)).isCloseTo(Math.log(2), within(1e-12));
            // KD of identical distributions is 0
            assertThat(evaluate(m, new HintonKd(2f), new double[] {1, 2, 3}, new double[] {1, 2, 3},
                    new double[] {1, 1, 1}, 1, 3)).isCloseTo(0, within(1e-12));
        }
    }

    private static double[] widen(double[] values, double pad) {
        double[] out = new double[ROWS * (LIST + 1)];
        for (int r = 0; r < ROWS; r++) {
            System.arraycopy(values, r * LIST, out, r * (LIST + 1), LIST);
            out[r * (LIST + 1) + LIST] = pad;
        }
        return out;
    }

    private static double evaluate(NDManager m, RankingLoss loss, double[] s, double[] l, double[] mask) {
        return evaluate(m, loss, s, l, mask, ROWS, LIST);
    }

    private static double evaluate(NDManager m, RankingLoss loss, double[] s, double[] l, double[] mask, int rows,
                                   int list) {
        try (NDManager sub = m.newSubManager()) {
            NDArray scores = sub.create(s, new Shape(rows, list));
            return loss.evaluate(batch(sub, scores, l, mask, list)).getDouble();
        }
    }

    private static ListBatch batch(NDManager m, NDArray scores, double[] l, double[] mask) {
        return batch(m, scores, l, mask, LIST);
    }

    private static ListBatch batch(NDManager m, NDArray scores, double[] l, double[] mask, int list) {
        Shape shape = new Shape(scores.getShape().get(0), list);
        double[] logQ = new double[(int) shape.size()];
        for (int i = 0; i < logQ.length; i++) {
            logQ[i] = LOG_Q[(i / list) * LIST + Math.min(i % list, LIST - 1)];
        }
        return new ListBatch(scores, m.create(l, shape), m.create(mask, shape), m.create(logQ, shape));
    }
}
