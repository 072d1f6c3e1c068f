package dev.rankforge.core.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SyntheticGenerator;
import dev.rankforge.core.data.SyntheticSpec;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.core.nn.Architectures;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.train.SequenceTrainer;
import dev.rankforge.core.train.TrainConfig;
import dev.rankforge.core.train.TrainingListener;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfilePollutionTest {

    @Test
    void leadInItemsAreRankedByConditionalProbabilityFromTrainingPartsOnly() {
        // Training parts: 2->4 twice (2 has 3 outgoing), 3->4 twice (3 has 2 outgoing), 5->4 once (below
        // support); the 1->4 pair sits in the test part and is ignored.
        SequenceDataset data = new SequenceDataset(6, new int[][] {
            {2, 4, 5, 4 + 2, 1, 3}, {3, 4, 2, 5, 6, 1}, {5, 2, 4, 6, 3, 1}, {6, 3, 4, 5, 1, 4},
            {2, 1, 6, 5, 4, 6}});
        // strongest (3: 2/2) is last, then 2 (2/3) before it
        assertThat(new CoVisitation(data).pollutionItems(4, 5)).containsExactly(2, 3);
    }

    @Test
    void pollutionWithCoVisitedItemsRaisesTheTargetInATrainedGru4Rec() {
        SequenceDataset data = SyntheticGenerator.generate(new SyntheticSpec(600, 120, 15, 1.0, 0.8, 5));
        ModelSpec spec = new ModelSpec(Architectures.GRU4REC, data.numItems(), 32, 32, 20);
        TrainConfig config = new TrainConfig(12, 64, 5e-3f, 0f, 5f, 12, 0, 1, "cpu");
        try (ScoringModel model = new SequenceTrainer(config).train(spec, data, TrainingListener.NONE, () -> false)
                .model()) {
            BlackBox victim = (histories, k) -> {
                float[][] scores = model.score(histories.toArray(int[][]::new));
                return java.util.stream.IntStream.range(0, scores.length)
                        .mapToObj(i -> Arrays.stream(ScoringModel.topK(scores[i], histories.get(i), k, true))
                                .boxed().toList())
                        .toList();
            };
            CoVisitation coVisitation = new CoVisitation(data);
            int target = coVisitation.chooseTarget(3);
            List<Integer> injected = coVisitation.pollutionItems(target, 3);
            PollutionResult result = ProfilePollution.run(data, victim, target, injected, 200, 10);
            assertThat(result.users()).isEqualTo(200);
            assertThat(result.queries()).isEqualTo(400);
            assertThat(result.hitRateAfter()).isGreaterThan(result.hitRateBefore() + 0.3);
            assertThat(result.ndcgAfter()).isGreaterThan(result.ndcgBefore());
        }
    }
}
