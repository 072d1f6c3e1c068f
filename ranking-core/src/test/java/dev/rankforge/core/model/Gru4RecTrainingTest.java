package dev.rankforge.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SyntheticGenerator;
import dev.rankforge.core.data.SyntheticSpec;
import dev.rankforge.core.metrics.RankingEvaluator;
import dev.rankforge.core.metrics.PopularityScorer;
import dev.rankforge.core.metrics.Split;
import dev.rankforge.core.nn.Architectures;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.train.EpochReport;
import dev.rankforge.core.train.SequenceTrainer;
import dev.rankforge.core.train.TrainingResult;
import dev.rankforge.core.train.TrainConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Gru4RecTrainingTest {

    @Test
    void trainsBeatsPopularityAndRoundTripsThroughTheArtifact() throws Exception {
        SequenceDataset data = SyntheticGenerator.generate(new SyntheticSpec(600, 120, 15, 1.0, 0.8, 3));
        ModelSpec spec = new ModelSpec(Architectures.GRU4REC, data.numItems(), 32, 32, 20);
        TrainConfig config = new TrainConfig(4, 64, 5e-3f, 0f, 5f, 4, 0, 1, "cpu");
        List<EpochReport> reports = new ArrayList<>();
        TrainingResult result = new SequenceTrainer(config).train(spec, data, reports::add, () -> false);
        try (ScoringModel model = result.model()) {
            assertThat(reports).hasSize(4);
            assertThat(reports.get(3).loss()).as("loss decreases").isLessThan(reports.get(0).loss());

            Map<String, Double> trained = RankingEvaluator.fullRanking(data, model, Split.TEST, 0, 10);
            Map<String, Double> popular = RankingEvaluator.fullRanking(data, new PopularityScorer(data), Split.TEST, 0, 10);
            assertThat(trained.get("ndcg@10")).isGreaterThan(popular.get("ndcg@10"));

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            model.save(bytes);
            int[][] histories = {data.testHistory(0), data.testHistory(1)};
            try (ScoringModel loaded = ModelArtifact.read(new ByteArrayInputStream(bytes.toByteArray()))) {
                assertThat(loaded.spec()).isEqualTo(spec);
                assertThat(loaded.score(histories)).isDeepEqualTo(model.score(histories));
                int[] top = loaded.topK(data.testHistory(0), 10, true);
                assertThat(top).hasSize(10).doesNotContain(data.testHistory(0));
            }
        }
    }
}
