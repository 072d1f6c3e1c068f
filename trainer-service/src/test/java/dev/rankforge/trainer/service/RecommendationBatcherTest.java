package dev.rankforge.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SyntheticGenerator;
import dev.rankforge.core.data.SyntheticSpec;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.core.nn.Architectures;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.train.SequenceTrainer;
import dev.rankforge.core.train.TrainConfig;
import dev.rankforge.core.train.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The black-box API's dynamic batching: concurrent queries scored in shared passes each get their own history's
 * answer (the same as scoring it alone), and a pass that fails fails its queries instead of leaving them waiting.
 * A Quarkus test only so that DJL's native library loads in the class loader the other tests of this JVM use.
 */
@io.quarkus.test.junit.QuarkusTest
@io.quarkus.test.common.WithTestResource(dev.rankforge.infra.PostgresTestResource.class)
class RecommendationBatcherTest {
    private static final SequenceDataset DATA = SyntheticGenerator.generate(new SyntheticSpec(60, 30, 8, 1.0, 0.9, 5));

    private static ScoringModel model() {
        return new SequenceTrainer(new TrainConfig(1, 32, 5e-3f, 0f, 5f, 1, 0, 1, "cpu"))
                .train(new ModelSpec(Architectures.GRU4REC, DATA.numItems(), 16, 16, 8), DATA,
                        ProgressListener.NONE, () -> false).model();
    }

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void concurrentQueriesEachGetTheirOwnHistorysTopK() throws Exception {
        RecommendationBatcher batcher = new RecommendationBatcher(8);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try (ScoringModel model = model()) {
            UUID id = UUID.randomUUID();
            List<Future<int[]>> answers = new ArrayList<>();
            for (int u = 0; u < DATA.numUsers(); u++) {
                int[] history = DATA.testHistory(u);
                int k = 1 + u % 10;
                answers.add(clients.submit(() -> batcher.recommend(id, model, history, k)));
            }
            for (int u = 0; u < DATA.numUsers(); u++) {
                int[] history = DATA.testHistory(u);
                assertThat(answers.get(u).get(30, TimeUnit.SECONDS)).as("user %d", u)
                        .containsExactly(model.topK(history, 1 + u % 10, true));
            }
        } finally {
            clients.shutdownNow();
            batcher.stop();
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aPassThatFailsFailsItsQueriesInsteadOfLeavingThemWaiting() {
        RecommendationBatcher batcher = new RecommendationBatcher(8);
        ScoringModel closed = model();
        closed.close();
        try {
            assertThatThrownBy(() -> batcher.recommend(UUID.randomUUID(), closed, DATA.testHistory(0), 5))
                    .isInstanceOf(RuntimeException.class);
        } finally {
            batcher.stop();
        }
    }
}
