package dev.rankforge.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SyntheticGenerator;
import dev.rankforge.core.data.SyntheticSpec;
import dev.rankforge.core.nn.Architectures;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.train.EpochReport;
import dev.rankforge.core.train.SequenceTrainer;
import dev.rankforge.core.train.TrainConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every architecture trains on a tiny generated dataset (loss falls) and survives a save/load round trip. */
class ArchitectureSmokeTest {
    private static final SequenceDataset DATA = SyntheticGenerator.generate(new SyntheticSpec(300, 60, 12, 1.0, 0.8, 8));

    @ParameterizedTest
    @ValueSource(strings = {Architectures.GRU4REC, Architectures.NARM, Architectures.SASREC, Architectures.BERT4REC,
        Architectures.CASER, "two-tower/mean", "two-tower/gru", "two-tower/self-attention"})
    void trainsAndRoundTrips(String architecture) throws Exception {
        ModelSpec spec = new ModelSpec(architecture.split("/")[0], DATA.numItems(), 16, 16, 12, 1, 2, 0.1f,
                architecture.contains("/") ? architecture.split("/")[1] : null, architecture.contains("/") ? 0.1f : null);
        List<EpochReport> reports = new ArrayList<>();
        TrainConfig config = new TrainConfig(3, 32, 5e-3f, 0f, 5f, 3, 0, 1, "cpu");
        try (ScoringModel model = new SequenceTrainer(config).train(spec, DATA, reports::add, () -> false).model()) {
            assertThat(reports).hasSize(3);
            assertThat(reports.get(2).loss()).as(architecture + " loss falls").isLessThan(reports.get(0).loss());
            int[][] histories = {DATA.testHistory(0), DATA.testHistory(1), new int[] {1}};
            float[][] scores = model.score(histories);
            assertThat(scores).hasNumberOfRows(3);
            assertThat(scores[0]).hasSize(DATA.numItems() + 1);
            for (float[] row : scores) {
                for (int item = 1; item < row.length; item++) {
                    assertThat(Float.isFinite(row[item])).as(architecture + " finite scores").isTrue();
                }
            }
            float[][] candidates = model.scoreCandidates(new int[][] {histories[0]}, new int[][] {{5, 1, 7}});
            // a batch of one takes other BLAS paths than a batch of three: equal up to rounding
            assertThat(candidates[0]).containsExactly(new float[] {scores[0][5], scores[0][1], scores[0][7]},
                    org.assertj.core.api.Assertions.within(1e-4f));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            model.save(bytes);
            try (ScoringModel loaded = ModelArtifact.read(new ByteArrayInputStream(bytes.toByteArray()))) {
                assertThat(loaded.spec()).isEqualTo(spec);
                assertThat(loaded.score(histories)).as(architecture + " identical after reload").isDeepEqualTo(scores);
            }
        }
    }
}
