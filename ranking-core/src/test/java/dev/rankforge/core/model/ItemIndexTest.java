package dev.rankforge.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SyntheticGenerator;
import dev.rankforge.core.data.SyntheticSpec;
import dev.rankforge.core.nn.Architectures;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.train.SequenceTrainer;
import dev.rankforge.core.train.TrainConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Serving a two-tower model from its item index: recall against exact scoring, exclusions, the graph's round trip. */
class ItemIndexTest {
    /** Recall@100 the index must reach against exact scoring on this catalogue. */
    private static final double RECALL_FLOOR = 0.95;

    @Test
    void theIndexFindsWhatExactScoringRanksFirst() throws Exception {
        SequenceDataset data = SyntheticGenerator.generate(new SyntheticSpec(600, 3000, 12, 1.0, 0.5, 13));
        ModelSpec spec = ModelSpec.paperPreset(Architectures.TWO_TOWER, data.numItems(), 20);
        TrainConfig config = new TrainConfig(1, 128, 5e-3f, 0f, 5f, 1, 0, 3, "cpu");
        try (ScoringModel model = new SequenceTrainer(config).train(spec, data, r -> { }, () -> false).model()) {
            int users = 200;
            int[][] histories = new int[users][];
            for (int u = 0; u < users; u++) {
                histories[u] = data.testHistory(u);
            }
            int[][] exact = model.recommend(histories, histories, 100);
            ItemIndex index = model.buildIndex();
            model.serveFrom(index);
            int[][] approximate = model.recommend(histories, histories, 100);
            assertThat(recall(approximate, exact)).as("recall@100 against exact").isGreaterThan(RECALL_FLOOR);
            for (int u = 0; u < users; u++) {
                assertThat(approximate[u]).hasSize(100).doesNotContain(histories[u]).doesNotHaveDuplicates();
            }
            assertThat(model.recommend(histories, histories, 1000)).as("k above a quarter of the catalogue: exact")
                    .isDeepEqualTo(withoutIndex(model, histories, 1000, index));

            ByteArrayOutputStream graph = new ByteArrayOutputStream();
            index.write(graph);
            model.serveFrom(model.readIndex(new ByteArrayInputStream(graph.toByteArray())));
            assertThat(model.recommend(histories, histories, 100)).as("the graph read back answers the same")
                    .isDeepEqualTo(approximate);
        }
    }

    @Test
    void onlyATwoTowerModelOfTheIndexsCatalogueIsServedFromIt() {
        SequenceDataset data = SyntheticGenerator.generate(new SyntheticSpec(100, 60, 8, 1.0, 0.5, 1));
        TrainConfig config = new TrainConfig(1, 64, 5e-3f, 0f, 5f, 1, 0, 3, "cpu");
        try (ScoringModel gru = new SequenceTrainer(config).train(new ModelSpec(Architectures.GRU4REC,
                data.numItems(), 16, 16, 10), data, r -> { }, () -> false).model();
             ScoringModel twoTower = new SequenceTrainer(config).train(ModelSpec.paperPreset(Architectures.TWO_TOWER,
                     data.numItems(), 10), data, r -> { }, () -> false).model()) {
            assertThat(gru.indexable()).isFalse();
            assertThatThrownBy(() -> gru.serveFrom(twoTower.buildIndex()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static int[][] withoutIndex(ScoringModel model, int[][] histories, int k, ItemIndex index) {
        model.serveFrom(null);
        try {
            return model.recommend(histories, histories, k);
        } finally {
            model.serveFrom(index);
        }
    }

    private static double recall(int[][] found, int[][] wanted) {
        double sum = 0;
        for (int u = 0; u < wanted.length; u++) {
            Set<Integer> got = new HashSet<>();
            Arrays.stream(found[u]).forEach(got::add);
            sum += Arrays.stream(wanted[u]).filter(got::contains).count() / (double) wanted[u].length;
        }
        return sum / wanted.length;
    }
}
