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
import dev.rankforge.core.train.ProgressListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Data poisoning with real retraining: a clean retrain and a poisoned retrain of the same spec and seed, the
 * targets measured on the real users' test histories of both.
 */
class DataPoisoningTest {
    private static final SequenceDataset DATA = SyntheticGenerator.generate(new SyntheticSpec(400, 80, 14, 1.0, 0.5, 31));

    @Test
    void fakeProfilesRaiseTheTargetsInTheRetrainedVictimAboveACleanRetrain() {
        long[] popularity = DATA.trainPopularity();
        List<Integer> targets = AttackTargets.evenlySpaced(popularity, 8).subList(5, 7); // two tail targets
        int[][] fakes;
        // The paper's gradient chooser, with a white-box surrogate of the clean victim's spec.
        try (ScoringModel surrogate = retrain(DATA)) {
            ChooserContext context = new ChooserContext(DATA.numItems(), surrogate.whiteBox(), popularity, DATA, 5L);
            fakes = DataPoisoning.fakeProfiles(ItemChoosers.create("gradient"), context, DATA.numUsers(), targets,
                    new DataPoisoning.Spec(0.15, 20));
        }
        assertThat(fakes).hasNumberOfRows(60);
        for (int p = 0; p < fakes.length; p++) {
            assertThat(fakes[p]).hasSize(20);
            for (int i = 0; i < fakes[p].length; i += 2) {
                assertThat(fakes[p][i]).as("profile " + p + " holds its target at even places")
                        .isEqualTo(targets.get(p % targets.size()));
            }
        }
        int[][] poisonedSequences = new int[DATA.numUsers() + fakes.length][];
        for (int u = 0; u < DATA.numUsers(); u++) {
            poisonedSequences[u] = DATA.sequence(u);
        }
        System.arraycopy(fakes, 0, poisonedSequences, DATA.numUsers(), fakes.length);
        SequenceDataset poisoned = new SequenceDataset(DATA.numItems(), poisonedSequences);

        List<int[]> histories = new ArrayList<>();
        for (int u = 0; u < DATA.numUsers(); u++) {
            histories.add(DATA.testHistory(u));
        }
        double[] clean = meanExposure(retrain(DATA), histories, targets);
        double[] attacked = meanExposure(retrain(poisoned), histories, targets);
        System.out.println("poisoning: targets' full-ranking hr@10 and uniform-100 ndcg@10, clean retrain "
                + Arrays.toString(clean) + ", poisoned " + Arrays.toString(attacked));
        assertThat(attacked[0]).as("full-ranking hr@10, poisoned vs clean retrain").isGreaterThan(clean[0] + 0.015);
    }

    private static ScoringModel retrain(SequenceDataset data) {
        return new SequenceTrainer(new TrainConfig(10, 32, 5e-3f, 0f, 5f, 10, 0, 3, "cpu"))
                .train(new ModelSpec(Architectures.GRU4REC, data.numItems(), 32, 32, 20), data,
                        ProgressListener.NONE, () -> false).model();
    }

    /** Mean over targets of {full-ranking hr@10, uniform-100 ndcg@10}. */
    private static double[] meanExposure(ScoringModel model, List<int[]> histories, List<Integer> targets) {
        try (model) {
            double[] total = new double[2];
            for (int target : targets) {
                List<int[]> unseen = histories.stream()
                        .filter(h -> Arrays.stream(h).noneMatch(i -> i == target)).toList();
                Map<String, Map<String, Double>> m = TargetExposure.measure(model.asBlackBox(), unseen, unseen, target,
                        TargetExposure.sampledCandidates(unseen, target, DATA.numItems(), 1L));
                total[0] += m.get(TargetExposure.FULL_RANKING).get("hr@10") / targets.size();
                total[1] += m.get(TargetExposure.UNIFORM_100).get("ndcg@10") / targets.size();
            }
            return total;
        }
    }
}
