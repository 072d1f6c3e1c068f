package dev.rankforge.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** The schedule's factors against hand-computed values, and the optimiser applying them to its update. */
class LearningRateScheduleTest {

    @Test
    void constantIsOneAtEveryStep() {
        assertThat(LearningRateSchedule.CONSTANT.factor(1, 10, 5)).isEqualTo(1.0);
        assertThat(LearningRateSchedule.CONSTANT.factor(1_000, 10, 5)).isEqualTo(1.0);
        assertThat(LearningRateSchedule.CONSTANT.label()).isEqualTo("constant");
    }

    @Test
    void cosineWarmsUpLinearlyThenFallsTowardsZeroAtTheLastEpoch() {
        LearningRateSchedule schedule = LearningRateSchedule.cosine(1); // 10 steps an epoch, 5 epochs: 50 steps
        assertThat(schedule.factor(5, 10, 5)).isCloseTo(0.5, within(1e-12));    // half-way up the warm-up
        assertThat(schedule.factor(10, 10, 5)).isCloseTo(1.0, within(1e-12));   // warm-up done
        assertThat(schedule.factor(11, 10, 5)).isCloseTo(1.0, within(1e-12));   // first of 40 decay steps
        // step 21 is 10 of 40 decay steps in: (1 + cos(pi / 4)) / 2
        assertThat(schedule.factor(21, 10, 5)).isCloseTo(0.8535533905932737, within(1e-12));
        assertThat(schedule.factor(31, 10, 5)).isCloseTo(0.5, within(1e-12));
        // the last step, 39 of 40 in: (1 + cos(39 pi / 40)) / 2 = sin^2(pi / 80)
        assertThat(schedule.factor(50, 10, 5)).isCloseTo(0.001541333133436, within(1e-12));
        assertThat(schedule.factor(60, 10, 5)).as("past the configured epochs").isCloseTo(0.0, within(1e-12));
        assertThat(schedule.label()).isEqualTo("cosine-warmup-1");
        assertThat(LearningRateSchedule.cosine(0).factor(1, 10, 5)).as("no warm-up: full rate first").isEqualTo(1.0);
        LearningRateSchedule warmConstant = new LearningRateSchedule(LearningRateSchedule.Decay.CONSTANT, 2);
        assertThat(warmConstant.factor(5, 10, 5)).isEqualTo(0.25);
        assertThat(warmConstant.factor(21, 10, 5)).isEqualTo(1.0);
        assertThat(warmConstant.label()).isEqualTo("constant-warmup-2");
    }

    @Test
    void refusesANegativeWarmUpOrOneAsLongAsTheRun() {
        assertThatThrownBy(() -> LearningRateSchedule.cosine(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("warmupEpochs");
        TrainConfig threeEpochs = new TrainConfig(3, 32, 1e-3f, 0f, 5f, 3, 0, 1, "cpu");
        assertThatThrownBy(() -> threeEpochs.withLearningRateSchedule(LearningRateSchedule.cosine(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warm-up");
        assertThat(LearningRateSchedule.of("Cosine", 2)).isEqualTo(LearningRateSchedule.cosine(2));
        assertThatThrownBy(() -> LearningRateSchedule.of("linear", 0)).hasMessageContaining("constant or cosine");
    }

    /**
     * Adam's first step moves each weight by the rate times g / (|g| + eps), and AdamW's decay by rate * decay * w:
     * the scheduled rate the loop sets scales both.
     */
    @Test
    void theOptimiserScalesItsStepByTheFactor() {
        float rate = 0.1f;
        float decay = 0.5f;
        try (NDManager manager = NDManager.newBaseManager()) {
            for (double factor : new double[] {0.0, 0.5, 1.0}) {
                ResumableAdamW adam = new ResumableAdamW(rate, decay, manager);
                adam.setLearningRate((float) (rate * factor));
                NDArray weight = manager.create(new float[] {1f, -2f});
                adam.update("w", weight, manager.create(new float[] {3f, -4f}));
                float[] moved = weight.toFloatArray();
                double scaled = rate * factor;
                assertThat(moved[0]).isCloseTo((float) (1 - scaled * decay * 1 - scaled), within(1e-5f));
                assertThat(moved[1]).isCloseTo((float) (-2 - scaled * decay * -2 + scaled), within(1e-5f));
            }
        }
    }
}
