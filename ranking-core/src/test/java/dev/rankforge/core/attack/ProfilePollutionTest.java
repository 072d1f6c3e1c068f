package dev.rankforge.core.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SyntheticGenerator;
import dev.rankforge.core.data.SyntheticSpec;
import dev.rankforge.core.extract.ListDistillation;
import dev.rankforge.core.extract.QueryGenerator;
import dev.rankforge.core.extract.QuerySet;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.core.nn.Architectures;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.train.Checkpointing;
import dev.rankforge.core.train.SequenceTrainer;
import dev.rankforge.core.train.TrainConfig;
import dev.rankforge.core.train.ProgressListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Profile pollution end to end in one process, against real trained models: a GRU4Rec victim, a GRU4Rec surrogate
 * extracted from its black-box answers only, and every chooser at the same budget.
 */
class ProfilePollutionTest {
    private static final SequenceDataset DATA = SyntheticGenerator.generate(new SyntheticSpec(400, 80, 14, 1.0, 0.9, 21));
    private static final int SLOTS = 4;
    private static final int USERS = 120;
    private static ScoringModel victim;
    private static ScoringModel surrogate;
    private static List<int[]> histories;
    private static List<Integer> targets;
    private static ChooserContext context;

    @BeforeAll
    static void victimAndSurrogate() {
        victim = new SequenceTrainer(new TrainConfig(12, 32, 5e-3f, 0f, 5f, 12, 0, 3, "cpu"))
                .train(new ModelSpec(Architectures.GRU4REC, DATA.numItems(), 32, 32, 20), DATA, ProgressListener.NONE,
                        () -> false).model();
        QuerySet queries = QueryGenerator.generate(new QueryGenerator.Spec(QueryGenerator.Strategy.AUTOREGRESSIVE,
                200, 14, 20, 5, 100), DATA.numItems(), victim.asBlackBox(), n -> { }, () -> false);
        surrogate = new ListDistillation(new TrainConfig(10, 64, 5e-3f, 0f, 5f, 10, 0, 3, "cpu"))
                .train(new ModelSpec(Architectures.GRU4REC, DATA.numItems(), 32, 32, 20), queries,
                        new ListDistillation.Settings("margin-rank", 20, 4), r -> { }, () -> false, Checkpointing.NONE)
                .model();
        histories = new ArrayList<>();
        for (int u = 0; u < DATA.numUsers(); u++) {
            histories.add(DATA.testHistory(u));
        }
        long[] popularity = DATA.trainPopularity();
        // Targets outside the head, where there is room to promote.
        targets = AttackTargets.evenlySpaced(popularity, 8).subList(3, 8);
        context = new ChooserContext(DATA.numItems(), surrogate.whiteBox(), popularity, DATA, 7L);
    }

    @AfterAll
    static void close() {
        victim.close();
        surrogate.close();
    }

    @Test
    void surrogateGradientBeatsRandomAndCwIsAtLeastAsGoodAsRandom() {
        Map<String, Double> gain = new LinkedHashMap<>();
        Map<String, Double> after = new LinkedHashMap<>();
        for (String name : List.of("random", "popular", "co-visitation", "gradient", "cw")) {
            List<ProfilePollution.TargetOutcome> outcomes = ProfilePollution.run(victim.asBlackBox(),
                    ItemChoosers.create(name), context, histories, targets,
                    new ProfilePollution.Spec(SLOTS, USERS, true, 3L), o -> { }, () -> false);
            assertThat(outcomes).hasSize(targets.size());
            for (ProfilePollution.TargetOutcome outcome : outcomes) {
                assertThat(outcome.users()).isEqualTo(USERS);
                assertThat(outcome.queries()).as("top-10 and candidate ranking, before and after").isEqualTo(4L * USERS);
                assertThat(outcome.before()).containsKeys(TargetExposure.FULL_RANKING, TargetExposure.UNIFORM_100);
                assertThat(outcome.exampleInjected()).hasSize(SLOTS);
                assertThat(outcome.exampleInjected().get(SLOTS - 1)).as("last slot is a chosen item")
                        .isNotEqualTo(outcome.target());
                if (!name.equals("gradient")) { // the paper's greedy pass may also replace target slots
                    assertThat(outcome.exampleInjected().get(SLOTS - 2)).as("the slot before it holds the target")
                            .isEqualTo(outcome.target());
                }
            }
            double before = mean(outcomes, false, TargetExposure.FULL_RANKING, "ndcg@10");
            after.put(name, mean(outcomes, true, TargetExposure.FULL_RANKING, "ndcg@10"));
            gain.put(name, after.get(name) - before);
        }
        System.out.println("pollution, full-ranking target ndcg@10 after: " + after + ", gain: " + gain);
        assertThat(gain.get("gradient")).as("gradient beats random by a clear margin")
                .isGreaterThan(gain.get("random") + 0.1);
        assertThat(after.get("cw")).as("cw at least as good as random").isGreaterThanOrEqualTo(after.get("random"));
    }

    @Test
    void surrogateChoosersNeedASurrogateAndTargetsMustBeItems() {
        ChooserContext blind = new ChooserContext(DATA.numItems(), null, null, null, 1L);
        assertThatThrownBy(() -> ItemChoosers.create("gradient").choose(blind, new int[][] {{1, 2}}, 3, 2))
                .hasMessageContaining("needs a surrogate");
        assertThatThrownBy(() -> ItemChoosers.create("nope")).hasMessageContaining("unknown chooser 'nope'");
        assertThatThrownBy(() -> ProfilePollution.run(victim.asBlackBox(), ItemChoosers.create("random"), blind,
                histories, List.of(DATA.numItems() + 1), new ProfilePollution.Spec(2, 10, false, 1L), o -> { },
                () -> false)).hasMessageContaining("is not an item");
    }

    @Test
    void targetsAreEvenlySpacedByPopularity() {
        long[] popularity = {0, 5, 50, 10, 40, 20, 30};
        // by popularity: 2 (50), 4 (40), 6 (30), 5 (20), 3 (10), 1 (5); step 6 / 3 = 2
        assertThat(AttackTargets.evenlySpaced(popularity, 3)).containsExactly(2, 6, 3);
        assertThat(InjectionLayout.fill(9, new int[] {1, 2, 3}, 5)).containsExactly(1, 9, 2, 9, 3);
        assertThat(InjectionLayout.fill(9, new int[] {1, 2}, 4)).containsExactly(9, 1, 9, 2);
    }

    private static double mean(List<ProfilePollution.TargetOutcome> outcomes, boolean after, String protocol,
                               String metric) {
        return outcomes.stream().mapToDouble(o -> (after ? o.after() : o.before()).get(protocol).get(metric))
                .average().orElseThrow();
    }
}
