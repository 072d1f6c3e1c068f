package dev.rankforge.core.train;

import dev.rankforge.core.nn.Objective;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SyntheticGenerator;
import dev.rankforge.core.data.SyntheticSpec;
import dev.rankforge.core.metrics.PopularityScorer;
import dev.rankforge.core.metrics.RankingEvaluator;
import dev.rankforge.core.metrics.Split;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.core.nn.Architectures;
import dev.rankforge.core.nn.ModelSpec;
import org.junit.jupiter.api.Test;

/**
 * A training spec may swap the objective where the model fits several: SASRec with full cross-entropy, GRU4Rec with
 * BCE, NARM with many prefixes per pass.
 */
class ObjectiveChoiceTest {
    private static final SequenceDataset DATA = SyntheticGenerator.generate(new SyntheticSpec(300, 60, 12, 1.0, 0.9, 4));

    @Test
    void sasrecLearnsWithFullCrossEntropyAtEveryPosition() {
        assertFarAbovePopularity(Architectures.SASREC, "next-item-ce");
    }

    @Test
    void narmLearnsFromManyPrefixesPerPass() {
        assertFarAbovePopularity(Architectures.NARM, "prefixes-ce");
    }

    private static void assertFarAbovePopularity(String architecture, String objective) {
        ModelSpec spec = ModelSpec.paperPreset(architecture, DATA.numItems(), 12);
        try (ScoringModel model = new SequenceTrainer(new TrainConfig(8, 64, 5e-3f, 0f, 5f, 8, 0, 1, "cpu"),
                objective).train(spec, DATA, ProgressListener.NONE, () -> false).model()) {
            double ndcg = RankingEvaluator.fullRanking(DATA, model, Split.VALIDATION, 0, 10).get("ndcg@10");
            double popularity = RankingEvaluator.fullRanking(DATA, new PopularityScorer(DATA), Split.VALIDATION, 0, 10)
                    .get("ndcg@10");
            assertThat(ndcg).as(architecture + " with " + objective + " on a strongly sequential dataset: far above "
                    + "popularity").isGreaterThan(popularity + 0.1);
        }
    }

    @Test
    void objectivesThatDoNotFitTheModelAreRefusedNamingTheChoices() {
        java.util.List<Objective> sasrec = Architectures.build(ModelSpec.paperPreset(Architectures.SASREC, 10, 12))
                .objectives();
        java.util.List<Objective> narm = Architectures.build(ModelSpec.paperPreset(Architectures.NARM, 10, 12))
                .objectives();
        java.util.List<Objective> bert = Architectures.build(ModelSpec.paperPreset(Architectures.BERT4REC, 10, 12))
                .objectives();
        assertThat(Objective.resolve(null, sasrec)).isEqualTo(Objective.NEXT_ITEM_SAMPLED_BCE);
        assertThat(Objective.resolve("next-item-ce", sasrec)).isEqualTo(Objective.NEXT_ITEM_ALL_POSITIONS);
        assertThat(Objective.resolve(null, narm)).isEqualTo(Objective.NEXT_ITEM_LAST_POSITION);
        assertThat(Objective.resolve("prefixes-ce", narm)).isEqualTo(Objective.NEXT_ITEM_PREFIXES);
        assertThatThrownBy(() -> Objective.resolve("sampled-bce", narm))
                .hasMessageContaining("choose last-position-ce or prefixes-ce");
        assertThat(Objective.resolve("cloze-last", bert)).isEqualTo(Objective.MASKED_ITEM_AND_LAST);
        assertThatThrownBy(() -> Objective.resolve("prefixes-ce", bert))
                .hasMessageContaining("choose cloze or cloze-last");
        assertThatThrownBy(() -> Objective.resolve("telepathy", sasrec))
                .hasMessageContaining("sampled-bce or next-item-ce");
    }

    @Test
    void aTimeBudgetStopsBetweenEpochsAndKeepsTheBestModel() {
        ModelSpec spec = ModelSpec.paperPreset(Architectures.GRU4REC, DATA.numItems(), 12);
        java.util.List<EpochReport> epochs = new java.util.ArrayList<>();
        TrainConfig config = new TrainConfig(1000, 64, 5e-3f, 0f, 5f, 1000, 50, 1, "cpu").withMaxSeconds(1);
        try (ScoringModel model = new SequenceTrainer(config).train(spec, DATA, epochs::add, () -> false).model()) {
            assertThat(model).isNotNull();
        }
        assertThat(epochs).isNotEmpty().hasSizeLessThan(1000);
    }
}
