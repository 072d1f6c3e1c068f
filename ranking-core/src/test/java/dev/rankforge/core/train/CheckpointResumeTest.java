package dev.rankforge.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SyntheticGenerator;
import dev.rankforge.core.data.SyntheticSpec;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.core.nn.Architectures;
import dev.rankforge.core.nn.ModelSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A run resumed from an end-of-epoch checkpoint (written to bytes and read back, as after a crash) ends exactly
 * where the uninterrupted run ends, dropout and Adam's moments included; and no step leaks arrays.
 */
class CheckpointResumeTest {
    private static final SequenceDataset DATA = SyntheticGenerator.generate(new SyntheticSpec(200, 50, 12, 1.0, 0.8, 3));

    /** A scheduled rate resumes where it stopped too: the loop numbers its steps from the epochs done. */
    @ParameterizedTest
    @CsvSource({"sasrec, false", "narm, false", "narm, true"})
    void resumedRunEqualsUninterruptedRun(String architecture, boolean cosine) throws Exception {
        ModelSpec spec = new ModelSpec(architecture, DATA.numItems(), 16, 16, 10, 1, 2, 0.2f);
        TrainConfig config = new TrainConfig(4, 32, 5e-3f, 0.01f, 5f, 10, 0, 7, "cpu").withLearningRateSchedule(
                cosine ? LearningRateSchedule.cosine(1) : LearningRateSchedule.CONSTANT);
        List<EpochReport> straight = new ArrayList<>();
        List<byte[]> checkpoints = new ArrayList<>();
        float[][] expected;
        int[][] histories = {DATA.testHistory(0), DATA.testHistory(5), DATA.testHistory(9)};
        try (ScoringModel model = new SequenceTrainer(config).train(spec, DATA, straight::add, () -> false,
                new Checkpointing(null, c -> checkpoints.add(bytes(c)))).model()) {
            expected = model.score(histories);
        }
        assertThat(checkpoints).hasSize(4);
        assertThat(straight.subList(1, 4)).extracting(EpochReport::liveArrays)
                .as("arrays alive after each epoch stay constant").containsOnly(straight.get(1).liveArrays());

        TrainingCheckpoint afterTwo = TrainingCheckpoint.read(new ByteArrayInputStream(checkpoints.get(1)));
        assertThat(afterTwo.epochsDone()).isEqualTo(2);
        List<EpochReport> resumed = new ArrayList<>();
        try (ScoringModel model = new SequenceTrainer(config).train(spec, DATA, resumed::add, () -> false,
                new Checkpointing(afterTwo, c -> { })).model()) {
            assertThat(resumed).extracting(EpochReport::epoch).containsExactly(3, 4);
            assertThat(resumed).extracting(EpochReport::loss)
                    .containsExactly(straight.get(2).loss(), straight.get(3).loss());
            assertThat(model.score(histories)).isDeepEqualTo(expected);
        }
    }

    @org.junit.jupiter.api.Test
    void aRunThatStoppedEarlyDoesNotTrainFurtherWhenResumed() throws Exception {
        ModelSpec spec = new ModelSpec(Architectures.GRU4REC, DATA.numItems(), 16, 16, 10);
        TrainConfig threeEpochs = new TrainConfig(3, 32, 5e-3f, 0f, 5f, 10, 0, 7, "cpu");
        List<TrainingCheckpoint> checkpoints = new ArrayList<>();
        new SequenceTrainer(threeEpochs).train(spec, DATA, ProgressListener.NONE, () -> false,
                new Checkpointing(null, checkpoints::add)).model().close();
        // The state of a run whose best epoch was the first and that stopped after the third (patience 2),
        // built from the real checkpoints so the early stop is certain rather than hoped for.
        TrainingCheckpoint first = checkpoints.get(0);
        TrainingCheckpoint third = checkpoints.get(2);
        TrainingCheckpoint stopped = new TrainingCheckpoint(3, 1, first.bestValidation(), third.parameters(),
                first.bestParameters(), third.optimizerState());
        TrainConfig patienceTwo = new TrainConfig(6, 32, 5e-3f, 0f, 5f, 2, 0, 7, "cpu");
        List<EpochReport> resumed = new ArrayList<>();
        TrainingResult result = new SequenceTrainer(patienceTwo).train(spec, DATA, resumed::add, () -> false,
                new Checkpointing(stopped, c -> { }));
        result.model().close();
        assertThat(resumed).as("early stop already decided: no further epoch").isEmpty();
        assertThat(result.bestEpoch()).isEqualTo(1);
        assertThat(result.epochsRun()).isEqualTo(3);
    }

    private static byte[] bytes(TrainingCheckpoint checkpoint) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            checkpoint.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
