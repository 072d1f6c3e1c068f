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

    /** One example per user with at least one next-item pair in the training part. */
    private final class NextItemTask implements TrainingTask {
        private final ModelSpec spec;
        private final Objective objective;
        private final SequenceDataset data;
        private final Loss loss;
        private final int[] users;

        NextItemTask(ModelSpec spec, Objective objective, SequenceDataset data) {
            this.spec = spec;
            this.objective = objective;
            this.data = data;
            this.loss = objective.loss(spec);
            this.users = IntStream.range(0, data.numUsers())
                    .filter(u -> data.sequence(u).length - 2 >= 2)
                    .toArray();
        }

        @Override
        public int examples() {
            return users.length;
        }

        @Override
        public NDArray loss(Trainer trainer, NDManager step, int[] batch, Random random) {
            int[][] sequences = new int[batch.length][];
            for (int i = 0; i < batch.length; i++) {
                sequences[i] = data.trainSequence(users[batch[i]]);
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
