package dev.rankforge.core.train;

import dev.rankforge.core.nn.Objective;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.metrics.RankingEvaluator;
import dev.rankforge.core.metrics.Split;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.core.nn.Architectures;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.nn.TrainingBatch;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * Supervised training of a sequential recommender on the training parts of a {@link SequenceDataset} with the
 * architecture's {@link Objective}; validation is full-ranking NDCG@10 on the validation items. The epochs,
 * optimizer, early stopping and checkpoints are {@link TrainingLoop}'s.
 */
public final class SequenceTrainer {
    /** The validation metric that picks the best epoch: full-ranking NDCG@10 on validation users. */
    public static final String SELECTION_METRIC = "ndcg@10";
    private final TrainConfig config;
    private final String objective;

    public SequenceTrainer(TrainConfig config) {
        this(config, null);
    }

    /** @param objective an {@link Objective#label()} replacing the architecture's own, or {@code null} */
    public SequenceTrainer(TrainConfig config, String objective) {
        this.config = config;
        this.objective = objective;
    }

    /** A fresh run without checkpoints. */
    public TrainingResult train(ModelSpec spec, SequenceDataset data, ProgressListener listener,
                                BooleanSupplier cancelled) {
        return train(spec, data, listener, cancelled, Checkpointing.NONE);
    }

    public TrainingResult train(ModelSpec spec, SequenceDataset data, ProgressListener listener,
                                BooleanSupplier cancelled, Checkpointing checkpointing) {
        Objective resolved = Objective.resolve(objective, Architectures.build(spec).objectives());
        return new TrainingLoop(config).run(spec, scoring -> new NextItemTask(spec, resolved, data),
                listener, cancelled, checkpointing);
    }

    /**
     * One example per training window ({@link TrainingWindows}; one per user unless {@link TrainConfig#windowStep()}
     * is set) of each user with at least one next-item pair in the training part.
     */
    private final class NextItemTask implements TrainingTask {
        private final ModelSpec spec;
        private final Objective objective;
        private final SequenceDataset data;
        private final Loss loss;
        private final int[] users;
        private final int[] ends;

        NextItemTask(ModelSpec spec, Objective objective, SequenceDataset data) {
            this.spec = spec;
            this.objective = objective;
            this.data = data;
            this.loss = objective.loss(spec);
            IntStream.Builder users = IntStream.builder();
            IntStream.Builder ends = IntStream.builder();
            int window = spec.maxLength() + 1;
            for (int u = 0; u < data.numUsers(); u++) {
                int length = data.sequence(u).length - 2;
                if (length >= 2) {
                    for (int end : TrainingWindows.ends(length, window, config.windowStep())) {
                        users.add(u);
                        ends.add(end);
                    }
                }
            }
            this.users = users.build().toArray();
            this.ends = ends.build().toArray();
        }

        @Override
        public int examples() {
            return users.length;
        }

        @Override
        public NDArray loss(Trainer trainer, NDManager step, int[] batch, Random random) {
            int[][] sequences = new int[batch.length][];
            for (int i = 0; i < batch.length; i++) {
                int end = ends[batch[i]];
                // Without windows the whole history goes in: the last-position objective draws its prefix from all of it.
                int start = config.windowStep() == 0 ? 0 : Math.max(0, end - spec.maxLength() - 1);
                sequences[i] = Arrays.copyOfRange(data.sequence(users[batch[i]]), start, end);
            }
            TrainingBatch cut = objective.cut(sequences, spec, config.maskProbability(), random);
            return loss.evaluate(cut.labels(step), trainer.forward(cut.inputs(step)));
        }

        @Override
        public Map<String, Double> validate(ScoringModel model) {
            return RankingEvaluator.fullRanking(data, model, Split.VALIDATION, config.validationUsers(), 10);
        }

        @Override
        public String selectionMetric() {
            return SELECTION_METRIC;
        }
    }
}
