package dev.rankforge.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SyntheticGenerator;
import dev.rankforge.core.data.SyntheticSpec;
import dev.rankforge.core.nn.Architectures;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.nn.Objective;
import dev.rankforge.core.nn.TwoTower;
import dev.rankforge.core.train.SequenceTrainer;
import dev.rankforge.core.train.TrainConfig;
import org.junit.jupiter.api.Test;

/** The two-tower retriever: its spec's rules, cosine scores, and what the log-Q correction is for. */
class TwoTowerTest {
    @Test
    void logQCorrectionRemovesThePopularityBiasOfInBatchNegatives() {
        SequenceDataset data = SyntheticGenerator.generate(new SyntheticSpec(1500, 200, 16, 1.2, 0.3, 11));
        long[] popularity = data.trainPopularity();
        double truth = 0;
        int users = 400;
        for (int u = 0; u < users; u++) {
            truth += popularity[data.testItem(u)];
        }
        truth /= users;
        double full = meanRecommendedPopularity(data, Objective.NEXT_ITEM_ALL_POSITIONS, users);
        double corrected = meanRecommendedPopularity(data, Objective.IN_BATCH_SOFTMAX, users);
        double uncorrected = meanRecommendedPopularity(data, Objective.IN_BATCH_SOFTMAX_UNCORRECTED, users);
        String figures = String.format("top-10 popularity: full softmax %.1f, corrected %.1f, uncorrected %.1f "
                + "(test items %.1f)", full, corrected, uncorrected, truth);
        // In-batch negatives are drawn by popularity: uncorrected, the model learns to push popular items down; the
        // correction recovers what the full softmax over the catalogue learns.
        assertThat(uncorrected).as(figures).isLessThan(full * 0.7);
        assertThat(Math.abs(corrected - full)).as(figures).isLessThan(Math.abs(uncorrected - full) / 2);
    }

    @Test
    void scoresAreCosinesOverTheTemperature() throws Exception {
        SequenceDataset data = SyntheticGenerator.generate(new SyntheticSpec(200, 60, 10, 1.0, 0.8, 3));
        float temperature = 0.2f;
        ModelSpec spec = new ModelSpec(Architectures.TWO_TOWER, data.numItems(), 16, 16, 12, 1, 2, 0.1f,
                TwoTower.GRU, temperature);
        TrainConfig config = new TrainConfig(1, 32, 5e-3f, 0f, 5f, 1, 0, 1, "cpu");
        try (ScoringModel model = new SequenceTrainer(config).train(spec, data, r -> { }, () -> false).model()) {
            float[][] scores = model.score(new int[][] {data.testHistory(0), data.testHistory(1)});
            for (float[] row : scores) {
                for (int item = 1; item < row.length; item++) {
                    assertThat(Math.abs(row[item])).isLessThanOrEqualTo(1 / temperature + 1e-4f);
                }
            }
        }
    }

    @Test
    void badSpecsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> Architectures.build(new ModelSpec(Architectures.TWO_TOWER, 50, 16, 16, 12, 1, 2,
                0.1f, "transformer-xl", 0.1f))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("userTower").hasMessageContaining(TwoTower.SELF_ATTENTION);
        assertThatThrownBy(() -> new ModelSpec(Architectures.TWO_TOWER, 50, 16, 16, 12, 1, 2, 0.1f, TwoTower.MEAN,
                0f)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("temperature");
    }

    private static double meanRecommendedPopularity(SequenceDataset data, Objective objective, int users) {
        ModelSpec spec = ModelSpec.paperPreset(Architectures.TWO_TOWER, data.numItems(), 16);
        TrainConfig config = new TrainConfig(4, 64, 5e-3f, 0f, 5f, 4, 0, 5, "cpu");
        long[] popularity = data.trainPopularity();
        try (ScoringModel model = new SequenceTrainer(config, objective.label()).train(spec, data, r -> { },
                () -> false).model()) {
            double sum = 0;
            int count = 0;
            for (int u = 0; u < users; u++) {
                for (int item : model.topK(data.testHistory(u), 10, true)) {
                    sum += popularity[item];
                    count++;
                }
            }
            return sum / count;
        }
    }
}
