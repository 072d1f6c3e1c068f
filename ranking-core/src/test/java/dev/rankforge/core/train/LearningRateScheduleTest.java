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
    void cosineWarmsUpLinearlyThenFallsToZeroAtTheLastEpoch() {
        LearningRateSchedule schedule = LearningRateSchedule.cosine(1); // 10 steps an epoch, 5 epochs: 50 steps
        assertThat(schedule.factor(5, 10, 5)).isCloseTo(0.5, within(1e-12));    // half-way up the warm-up
        assertThat(schedule.factor(10, 10, 5)).isCloseTo(1.0, within(1e-12));   // warm-up done
        // 40 decay steps; step 20 is a quarter in: (1 + cos(pi/4)) / 2
        assertThat(schedule.factor(20, 10, 5)).isCloseTo(0.8535533905932737, within(1e-12));
        assertThat(schedule.factor(30, 10, 5)).isCloseTo(0.5, within(1e-12));
        assertThat(schedule.factor(50, 10, 5)).isCloseTo(0.0, within(1e-12));
        assertThat(schedule.factor(60, 10, 5)).as("past the configured epochs").isCloseTo(0.0, within(1e-12));
        assertThat(schedule.label()).isEqualTo("cosine-warmup-1");
        // no warm-up: the first step is already one of the 50 decay steps, (1 + cos(pi / 50)) / 2
        assertThat(LearningRateSchedule.cosine(0).factor(1, 10, 5)).isCloseTo(0.9990134, within(1e-6));
        assertThat(new LearningRateSchedule(LearningRateSchedule.Decay.CONSTANT, 2).factor(5, 10, 5)).isEqualTo(0.25);
    }

    @Test
    void refusesANegativeWarmUp() {
        assertThatThrownBy(() -> LearningRateSchedule.cosine(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("warmupEpochs");
    }

    /**
     * Adam's first step moves each weight by the rate times g / (|g| + eps), and AdamW's decay by rate * decay * w:
     * the scheduled factor scales both.
     */
    @Test
    void theOptimiserScalesItsStepByTheFactor() {
        float rate = 0.1f;
        float decay = 0.5f;
        try (NDManager manager = NDManager.newBaseManager()) {
            for (double factor : new double[] {0.0, 0.5, 1.0}) {
                ResumableAdamW adam = new ResumableAdamW(rate, decay, step -> factor, manager);
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
