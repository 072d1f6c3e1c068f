package dev.rankforge.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.core.nn.Architectures;
import dev.rankforge.core.nn.ModelSpec;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Training windows: where they end, and that a long history's early items are learned only with them. */
class TrainingWindowsTest {

    @Test
    void windowsEndEveryStepBackAndTheLastStartsAtTheFirstItem() {
        assertThat(TrainingWindows.ends(10, 4, 2)).containsExactly(10, 8, 6, 4);
        assertThat(TrainingWindows.ends(9, 4, 3)).containsExactly(9, 6, 4);
        assertThat(TrainingWindows.ends(5, 4, 3)).containsExactly(5, 4);
    }

    @Test
    void aHistoryWithinOneWindowOrNoStepIsOneWindow() {
        assertThat(TrainingWindows.ends(4, 4, 2)).containsExactly(4);
        assertThat(TrainingWindows.ends(3, 4, 2)).containsExactly(3);
        assertThat(TrainingWindows.ends(100, 4, 0)).containsExactly(100);
        assertThatThrownBy(() -> TrainingWindows.ends(10, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrainingWindows.ends(10, 4, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrainingWindows.ends(10, 4, 4)).as("a step that would skip an item")
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Item 2 follows item 1 only in the first half of 40-item histories; a model of length 8 sees it as a target only
     * when the histories are cut into windows.
     */
    @Test
    void aPatternOnlyEarlyInLongHistoriesIsLearnedWithWindowsAndNotWithout() {
        Random random = new Random(3);
        int[][] sequences = new int[120][40];
        for (int[] s : sequences) {
            for (int i = 0; i < s.length; i++) {
                s[i] = i < 20 ? (i % 2 == 0 ? 1 : 2) : 3 + random.nextInt(18);
            }
        }
        SequenceDataset data = new SequenceDataset(20, sequences);
        ModelSpec spec = new ModelSpec(Architectures.GRU4REC, data.numItems(), 16, 16, 8);
        TrainConfig config = new TrainConfig(4, 32, 5e-3f, 0f, 5f, 4, 0, 1, "cpu");

        assertThat(rankOfItem2After1(spec, data, config.withWindowStep(4))).as("with windows").isEqualTo(1);
        assertThat(rankOfItem2After1(spec, data, config)).as("last window only").isGreaterThan(5);
    }

    private static int rankOfItem2After1(ModelSpec spec, SequenceDataset data, TrainConfig config) {
        try (ScoringModel model = new SequenceTrainer(config).train(spec, data, ProgressListener.NONE, () -> false)
                .model()) {
            float[] scores = model.score(new int[][] {{2, 1, 2, 1}})[0];
            int rank = 1;
            for (int item = 1; item < scores.length; item++) {
                if (scores[item] > scores[2]) {
                    rank++;
                }
            }
            return rank;
        }
    }
}
