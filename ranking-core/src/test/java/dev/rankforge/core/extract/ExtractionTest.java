package dev.rankforge.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankforge.core.model.BlackBox;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SyntheticGenerator;
import dev.rankforge.core.data.SyntheticSpec;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.core.nn.Architectures;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.train.Checkpointing;
import dev.rankforge.core.train.EpochReport;
import dev.rankforge.core.train.SequenceTrainer;
import dev.rankforge.core.train.TrainConfig;
import dev.rankforge.core.train.ProgressListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Black-box extraction end to end in one process: a victim, generated queries, a distilled surrogate. */
class ExtractionTest {
    private static final SequenceDataset DATA = SyntheticGenerator.generate(new SyntheticSpec(400, 80, 14, 1.0, 0.9, 11));
    private static ScoringModel victim;
    private static BlackBox blackBox;

    @BeforeAll
    static void trainVictim() {
        victim = new SequenceTrainer(new TrainConfig(15, 32, 5e-3f, 0f, 5f, 15, 0, 3, "cpu"))
                .train(new ModelSpec(Architectures.GRU4REC, DATA.numItems(), 32, 32, 20), DATA,
                        ProgressListener.NONE, () -> false).model();
        blackBox = victim.asBlackBox();
    }

    @AfterAll
    static void close() {
        victim.close();
    }

    @Test
    void generationSpendsExactlyOneQueryPerPrefixAndRoundTrips() throws Exception {
        AtomicLong calls = new AtomicLong();
        BlackBox counting = (histories, k) -> {
            calls.addAndGet(histories.size());
            return blackBox.recommend(histories, k);
        };
        QuerySet set = QueryGenerator.generate(new QueryGenerator.Spec(QueryGenerator.Strategy.AUTOREGRESSIVE, 10, 6,
                20, 1, 4), DATA.numItems(), counting, n -> { }, () -> false);
        assertThat(set.queriesSpent()).isEqualTo(60).isEqualTo(calls.get());
        for (int i = 0; i < set.size(); i++) {
            int[] s = set.sequence(i);
            assertThat(Arrays.stream(s).distinct().count()).as("no repeats").isEqualTo(6);
            for (int t = 1; t < s.length; t++) {
                assertThat(Arrays.stream(set.answer(i, t)).boxed().toList())
                        .as("autoregressive: the next item comes from the answer to its prefix").contains(s[t]);
            }
            assertThat(set.answer(i, 3)).containsExactly(victim.topK(Arrays.copyOf(s, 3), 20, true));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        set.write(bytes);
        QuerySet read = QuerySet.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(read.queriesSpent()).isEqualTo(60);
        assertThat(read.sequence(7)).containsExactly(set.sequence(7));
        assertThat(read.answer(7, 6)).containsExactly(set.answer(7, 6));
    }

    @Test
    void surrogateAgreesWithItsVictimFarAboveRandom() {
        extractAndCompare(new ListDistillation.Settings("margin-rank", 20, 4), 20);
    }

    /** Every prefix of every sequence once an epoch from one pass each; the student's input shorter than them. */
    @Test
    void onePassSurrogateAgreesWithItsVictimFarAboveRandom() {
        extractAndCompare(new ListDistillation.Settings("margin-rank", 20, 4, true), 10);
    }

    private void extractAndCompare(ListDistillation.Settings settings, int studentLength) {
        QuerySet queries = QueryGenerator.generate(new QueryGenerator.Spec(QueryGenerator.Strategy.AUTOREGRESSIVE,
                300, 14, 20, 5, 100), DATA.numItems(), blackBox, n -> { }, () -> false);
        List<EpochReport> reports = new ArrayList<>();
        ModelSpec student = new ModelSpec(Architectures.GRU4REC, DATA.numItems(), 32, 32, studentLength);
        try (ScoringModel surrogate = new ListDistillation(new TrainConfig(12, 64, 5e-3f, 0f, 5f, 12, 0, 3, "cpu"))
                .train(student, queries, settings, reports::add, () -> false, Checkpointing.NONE).model()) {
            assertThat(reports.get(0).selectionMetric()).isEqualTo("agreement@10");
            List<int[]> testHistories = new ArrayList<>();
            for (int u = 0; u < DATA.numUsers(); u++) {
                testHistories.add(DATA.testHistory(u));
            }
            var fidelity = Fidelity.measure(blackBox, surrogate, testHistories);
            System.out.println("extraction fidelity on test users (" + settings + "): " + fidelity);
            assertThat(fidelity.get("agreement@10")).isGreaterThan(3 * fidelity.get("randomAgreement@10"));
            // the surrogate's top-10 lies inside its top-100, which lies inside its top-200
            assertThat(fidelity.get("cascadeRecall@100")).isGreaterThanOrEqualTo(fidelity.get("agreement@10"))
                    .isLessThanOrEqualTo(fidelity.get("cascadeRecall@200"));
        }
    }
}
