package dev.rankforge.core.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.core.nn.Architectures;
import dev.rankforge.core.nn.ModelSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The epoch loop shared by supervised training and distillation: AdamW ({@link ResumableAdamW}), global-norm
 * gradient clipping, validation after every epoch, early stopping on the task's selection metric with the best
 * epoch's parameters restored at the end, a checkpoint after every epoch and resumption from one.
 *
 * <p>Each epoch's randomness (example order, masking, sampling, dropout) is seeded from the run's seed and the
 * epoch number, so a run resumed from epoch N's checkpoint continues exactly as the uninterrupted run would.
 * Every step's arrays live in a sub-manager closed at the end of the step, so memory stays flat.
 */
public final class TrainingLoop {
    private static final Object ENGINE_SEED = new Object();
    private static final System.Logger LOG = System.getLogger(TrainingLoop.class.getName());

    private final TrainConfig config;

    public TrainingLoop(TrainConfig config) {
        this.config = config;
    }

    /**
     * Trains a fresh {@code spec} model on the task built for it.
     *
     * @param task      built from the scoring model under training (tasks validate with it)
     * @param cancelled polled between batches; when it returns true the run stops with a
     *                  {@link CancellationException}
     */
    public TrainingResult run(ModelSpec spec, Function<ScoringModel, TrainingTask> task, ProgressListener listener,
                              BooleanSupplier cancelled, Checkpointing checkpointing) {
        Device device = Device.fromName(config.device());
        Model model = Model.newInstance("rankforge-" + spec.architecture(), device);
        model.setBlock(Architectures.build(spec));
        boolean handedOver = false;
        try {
            ScoringModel scoring = new ScoringModel(spec, model);
            TrainingResult result = train(spec, model, scoring, task.apply(scoring), listener, cancelled,
                    checkpointing);
            handedOver = true;
            return result;
        } finally {
            if (!handedOver) {
                model.close();
            }
        }
    }

    private TrainingResult train(ModelSpec spec, Model model, ScoringModel scoring, TrainingTask task,
                                 ProgressListener listener, BooleanSupplier cancelled, Checkpointing checkpointing) {
        if (checkpointing.resumeFrom() != null) {
            // Before the trainer exists: its parameter store keeps the arrays it finds at creation, and
            // initialisation leaves loaded parameters as they are (only enabling their gradients).
            loadParameters(model, checkpointing.resumeFrom().parameters());
        }
        try (NDManager optimizerState = model.getNDManager().newSubManager()) {
            ResumableAdamW optimizer = new ResumableAdamW(config.learningRate(), config.weightDecay(), optimizerState);
            // The task computes its own loss; DJL wants one in the config for its training listeners (unused here).
            DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(optimizer)
                    .optDevices(new Device[] {Device.fromName(config.device())});
            try (Trainer trainer = model.newTrainer(trainingConfig)) {
                // Initial weights come from the engine's generator, one per process: seeded, and under a lock so
                // that runs on other threads cannot reseed it in between (their dropout still shares it).
                synchronized (ENGINE_SEED) {
                    Engine.getInstance().setRandomSeed((int) (config.seed() * 1_000_003L));
                    trainer.initialize(new Shape(config.batchSize(), spec.maxLength()));
                }
                return epochs(spec, model, scoring, trainer, optimizer, task, listener, cancelled, checkpointing);
            }
        }
    }

    private TrainingResult epochs(ModelSpec spec, Model model, ScoringModel scoring, Trainer trainer,
                                  ResumableAdamW optimizer, TrainingTask task, ProgressListener listener,
                                  BooleanSupplier cancelled, Checkpointing checkpointing) {
        Block block = model.getBlock();
        TrainingCheckpoint resume = checkpointing.resumeFrom();
        int epoch = 0;
        int bestEpoch = 0;
        byte[] bestParameters = null;
        Map<String, Double> bestValidation = Map.of();
        if (resume != null) {
            if (resume.optimizerState() != null) { // null: a fine-tuning start, fresh optimizer state
                readOptimizer(optimizer, block, resume.optimizerState());
            }
            epoch = resume.epochsDone();
            bestEpoch = resume.bestEpoch();
            bestParameters = resume.bestParameters();
            bestValidation = resume.bestValidation();
        }
        long started = System.nanoTime();
        while (epoch < config.epochs() && (bestParameters == null || epoch - bestEpoch < config.patience())
                && (config.maxSeconds() == 0 || System.nanoTime() - started < config.maxSeconds() * 1_000_000_000L)) {
            epoch++;
            EpochReport report = epoch(epoch, trainer, optimizer, task, scoring, cancelled, listener);
            listener.onEpoch(report);
            if (!Double.isFinite(report.loss()) || !Double.isFinite(report.selectionValue())) {
                // Diverged (a NaN loss, or NaN scores after the last step): its weights are not worth keeping, and
                // further epochs cannot recover them.
                if (bestParameters == null) {
                    throw new IllegalStateException("training diverged in epoch " + epoch + " (loss " + report.loss()
                            + "); lower the learning rate");
                }
                break;
            }
            if (bestParameters == null
                    || report.selectionValue() > bestValidation.getOrDefault(task.selectionMetric(), 0.0)) {
                bestParameters = saveParameters(model);
                bestValidation = report.validation();
                bestEpoch = epoch;
            }
            if (checkpointing.enabled()) {
                checkpointing.sink().accept(new TrainingCheckpoint(epoch, bestEpoch, bestValidation,
                        bestEpoch == epoch ? bestParameters : saveParameters(model), bestParameters,
                        writeOptimizer(optimizer, block)));
            }
        }
        loadParameters(model, bestParameters);
        return new TrainingResult(scoring, bestEpoch, epoch, bestValidation);
    }

    private EpochReport epoch(int epoch, Trainer trainer, ResumableAdamW optimizer, TrainingTask task,
                              ScoringModel scoring, BooleanSupplier cancelled, ProgressListener listener) {
        long seed = config.seed() * 1_000_003L + epoch;
        Engine.getInstance().setRandomSeed((int) seed);
        Random random = new Random(seed);
        int[] order = shuffled(task.examples(), random);
        // Steps are numbered from the epochs and batches done, so that a resumed run continues the schedule where it
        // stopped and a skipped step does not shift it.
        long stepsPerEpoch = Math.max(1, (order.length + config.batchSize() - 1) / config.batchSize());
        long firstStep = (epoch - 1L) * stepsPerEpoch + 1;
        long started = System.nanoTime();
        double lossSum = 0;
        int batches = 0;
        int skippedSteps = 0;
        for (int start = 0; start < order.length; start += config.batchSize()) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("training cancelled in epoch " + epoch);
            }
            int[] batch = Arrays.copyOfRange(order, start, Math.min(order.length, start + config.batchSize()));
            double factor = config.learningRateSchedule().factor(firstStep + batches, stepsPerEpoch, config.epochs());
            optimizer.setLearningRate((float) (config.learningRate() * factor));
            Step step = step(trainer, task, batch, random);
            lossSum += step.loss();
            skippedSteps += step.applied() ? 0 : 1;
            batches++;
            listener.onBatch(epoch, start + batch.length, order.length, (System.nanoTime() - started) / 1e9);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double loss = lossSum / Math.max(batches, 1);
        if (skippedSteps > 0) {
            LOG.log(System.Logger.Level.WARNING, "epoch {0}: {1} of {2} steps skipped, their gradients were not finite",
                    epoch, skippedSteps, batches);
        }
        // A diverged epoch is not validated (its scores are NaN): the loop stops at the best epoch before it.
        Map<String, Double> validation = Double.isFinite(loss) ? task.validate(scoring) : Map.of();
        int live = trainer.getModel().getNDManager().getManagedArrays().size();
        return new EpochReport(epoch, config.epochs(), loss, validation,
                task.selectionMetric(), order.length / Math.max(seconds, 1e-9), live);
    }

    /** One optimisation step's loss, and whether its update was applied. */
    private record Step(double loss, boolean applied) {
    }

    private Step step(Trainer trainer, TrainingTask task, int[] batch, Random random) {
        try (NDManager step = trainer.getManager().newSubManager()) {
            double loss;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray value = task.loss(trainer, step, batch, random);
                collector.backward(value);
                loss = value.getFloat();
            }
            double norm = GradientClipping.clipByGlobalNorm(trainer.getModel().getBlock(), config.clipGradient(), step);
            if (Double.isFinite(loss) && !Double.isFinite(norm)) {
                // libtorch 2.7.1's CPU kernels now and then give NaN gradients for a finite loss (seen in its
                // convolution's backward pass, which Caser no longer uses); one such update would turn every weight
                // to NaN for good, so the step is skipped, as a mixed-precision loss scaler skips one.
                GradientClipping.zero(trainer.getModel().getBlock(), step);
                return new Step(loss, false);
            }
            try {
                trainer.step();
            } catch (IllegalStateException e) {
                // DJL checks a trainer's first step (all-zero gradients, for one); say what the step saw, so a
                // failure can be told apart.
                throw new IllegalStateException(e.getMessage() + " (this step: loss " + loss
                        + ", gradient norm before clipping " + norm + ")", e);
            }
            return new Step(loss, true);
        }
    }

    private static int[] shuffled(int n, Random random) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
        return values;
    }

    private static byte[] saveParameters(Model model) {
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

    private static void loadParameters(Model model, byte[] parameters) {
        try {
            model.getBlock().loadParameters(model.getNDManager(),
                    new DataInputStream(new ByteArrayInputStream(parameters)));
        } catch (IOException | MalformedModelException e) {
            throw new IllegalStateException("cannot load checkpointed parameters", e);
        }
    }

    private static byte[] writeOptimizer(ResumableAdamW optimizer, Block block) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            optimizer.writeState(block, out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readOptimizer(ResumableAdamW optimizer, Block block, byte[] state) {
        try {
            optimizer.readState(block, new DataInputStream(new ByteArrayInputStream(state)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot load checkpointed optimizer state", e);
        }
    }
}
