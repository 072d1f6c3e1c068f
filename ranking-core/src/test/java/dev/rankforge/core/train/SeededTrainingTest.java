package dev.rankforge.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SyntheticGenerator;
import dev.rankforge.core.data.SyntheticSpec;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.core.nn.Architectures;
import dev.rankforge.core.nn.ModelSpec;
import org.junit.jupiter.api.Test;

/** A training run is a function of its seed: initial weights included, so a recorded seed reproduces a result. */
class SeededTrainingTest {
    private static final SequenceDataset DATA = SyntheticGenerator.generate(new SyntheticSpec(80, 30, 8, 1.0, 0.9, 4));
    private static final ModelSpec SPEC = new ModelSpec(Architectures.GRU4REC, DATA.numItems(), 16, 16, 8);

    @Test
    void oneSeedTrainsTheSameWeightsTwiceAndAnotherSeedDoesNot() {
        byte[] first = weights(7);
        assertThat(weights(7)).as("the same seed").isEqualTo(first);
        assertThat(weights(8)).as("another seed").isNotEqualTo(first);
    }

    private static byte[] weights(long seed) {
        TrainConfig config = new TrainConfig(2, 32, 5e-3f, 0f, 5f, 2, 0, seed, "cpu");
        try (ScoringModel model = new SequenceTrainer(config).train(SPEC, DATA, ProgressListener.NONE, () -> false)
                .model()) {
            return model.parameters();
        }
    }
}
