package dev.rankforge.core.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.rankforge.core.data.SequenceDataset;
import ai.djl.training.loss.Loss;
import dev.rankforge.core.loss.NextItemCrossEntropy;
import dev.rankforge.core.loss.SampledNextItemBce;
import dev.rankforge.core.nn.SequenceRecommender;
import dev.rankforge.core.metrics.RankingEvaluator;
import dev.rankforge.core.metrics.Split;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.core.nn.Architectures;
import dev.rankforge.core.nn.ModelSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Trains a sequential recommender on the training parts of a {@link SequenceDataset} with AdamW and the
 * architecture's {@link Objective}, validates after every epoch (full-ranking NDCG@10 on the validation items), stops early when
 * validation stops improving, and returns the best epoch's parameters.
 *
 * <p>Every step's arrays live in a sub-manager closed at the end of the step, so memory stays flat.
 */
public final class SequenceTrainer {
    private final TrainConfig config;

    public SequenceTrainer(TrainConfig config) {
        this.config = config;
    }

    /** The outcome of a training run; the caller owns (and closes) the model. */
    public record Result(ScoringModel model, int bestEpoch, int epochsRun, Map<String, Double> bestValidation) {
    }

    /**
     * @param cancelled polled between batches; when it returns true the run stops with a
     *                  {@link CancellationException}
     */
    public Result train(ModelSpec spec, SequenceDataset data, TrainingListener listener, BooleanSupplier cancelled) {
        Engine.getInstance().setRandomSeed((int) config.seed());
        Model model = Model.newInstance("rankforge-" + spec.architecture(), Device.fromName(config.device()));
        model.setBlock(Architectures.build(spec));
        boolean handedOver = false;
        try {
            Result result = run(spec, data, model, listener, cancelled);
            handedOver = true;
            return result;
        } finally {
            if (!handedOver) {
                model.close();
            }
        }
    }

    private Result run(ModelSpec spec, SequenceDataset data, Model model, TrainingListener listener,
                       BooleanSupplier cancelled) {
        Optimizer optimizer = Optimizer.adamW()
                .optLearningRateTracker(Tracker.fixed(config.learningRate()))
                .optWeightDecays(config.weightDecay())
                .build();
        SequenceRecommender block = (SequenceRecommender) model.getBlock();
        Objective objective = block.objective();
        Loss loss = objective == Objective.NEXT_ITEM_SAMPLED_BCE
                ? new SampledNextItemBce() : new NextItemCrossEntropy(spec.numItems());
        DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(loss)
                .optOptimizer(optimizer)
                .optDevices(new Device[] {Device.fromName(config.device())});
        int length = spec.maxLength();
        int[] users = trainableUsers(data);
        Random random = new Random(config.seed());
        ScoringModel scoring = new ScoringModel(spec, model);
        byte[] bestParameters = null;
        Map<String, Double> bestValidation = Map.of();
        int bestEpoch = 0;
        int epoch = 0;
        try (Trainer trainer = model.newTrainer(trainingConfig)) {
            trainer.initialize(new Shape(config.batchSize(), length));
            for (epoch = 1; epoch <= config.epochs(); epoch++) {
                shuffle(users, random);
                long started = System.nanoTime();
                double lossSum = 0;
                int batches = 0;
                for (int start = 0; start < users.length; start += config.batchSize()) {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("training cancelled in epoch " + epoch);
                    }
                    int end = Math.min(users.length, start + config.batchSize());
                    int[][] sequences = new int[end - start][];
                    for (int i = 0; i < sequences.length; i++) {
                        sequences[i] = data.trainSequence(users[start + i]);
                    }
                    lossSum += step(trainer, config.clipGradient(), TrainingBatch.of(objective, sequences, length, spec.numItems(),
                            config.maskProbability(), random));
                    batches++;
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                Map<String, Double> validation = RankingEvaluator.fullRanking(
                        data, scoring, Split.VALIDATION, config.validationUsers(), 10);
                EpochReport report = new EpochReport(epoch, config.epochs(), lossSum / Math.max(batches, 1),
                        validation, users.length / Math.max(seconds, 1e-9));
                listener.onEpoch(report);
                if (bestParameters == null || report.validationNdcg10() > bestValidation.get("ndcg@10")) {
                    bestParameters = snapshot(model);
                    bestValidation = validation;
                    bestEpoch = epoch;
                } else if (epoch - bestEpoch >= config.patience()) {
                    break;
                }
            }
        }
        restore(model, bestParameters);
        return new Result(scoring, bestEpoch, Math.min(epoch, config.epochs()), bestValidation);
    }

    private static double step(Trainer trainer, float maxGradientNorm, TrainingBatch batch) {
        try (NDManager step = trainer.getManager().newSubManager()) {
            NDArray x = step.create(batch.inputs(), new Shape(batch.rows(), batch.length()));
            Shape targetShape = new Shape(batch.rows(), batch.targetLength());
            NDList labels = new NDList(step.create(batch.targets(), targetShape));
            if (batch.negatives() != null) {
                labels.add(step.create(batch.negatives(), targetShape));
            }
            double loss;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList predictions = trainer.forward(new NDList(x));
                NDArray value = trainer.getLoss().evaluate(labels, predictions);
                collector.backward(value);
                loss = value.getFloat();
            }
            GradientClipping.clipByGlobalNorm(trainer.getModel().getBlock(), maxGradientNorm, step);
            trainer.step();
            return loss;
        }
    }

    /** Users whose training part has at least one next-item pair. */
    private static int[] trainableUsers(SequenceDataset data) {
        return java.util.stream.IntStream.range(0, data.numUsers())
                .filter(u -> data.sequence(u).length - 2 >= 2)
                .toArray();
    }

    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
    }

    private static byte[] snapshot(Model model) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            model.getBlock().saveParameters(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void restore(Model model, byte[] parameters) {
        try {
            model.getBlock().loadParameters(model.getNDManager(),
                    new DataInputStream(new ByteArrayInputStream(parameters)));
        } catch (IOException | ai.djl.MalformedModelException e) {
            throw new IllegalStateException("cannot restore best parameters", e);
        }
    }
}
