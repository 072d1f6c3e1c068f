package dev.rankforge.core.extract;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.training.Trainer;
import dev.rankforge.core.loss.ListBatch;
import dev.rankforge.core.loss.Losses;
import dev.rankforge.core.loss.RankingLoss;
import dev.rankforge.core.metrics.Agreement;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.nn.SequenceRecommender;
import dev.rankforge.core.train.Checkpointing;
import dev.rankforge.core.nn.SequenceBatches;
import dev.rankforge.core.train.TrainConfig;
import dev.rankforge.core.train.ProgressListener;
import dev.rankforge.core.train.TrainingLoop;
import dev.rankforge.core.train.TrainingResult;
import dev.rankforge.core.train.TrainingTask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Trains a student to reproduce a teacher's ranked lists (ranking distillation; black-box extraction when the
 * lists come from a {@link QuerySet}). Each example is a random prefix of a source sequence; the student scores
 * the teacher's list for it plus sampled negatives, and a {@link RankingLoss} compares the student's scores with
 * the teacher's order (labels {@code k - rank} for the list, 0 for negatives). The last sequences of the source
 * are held out: validation is Agreement@10 between student and teacher on their full prefixes.
 */
public final class ListDistillation {
    /** The validation metric that picks the best epoch: Agreement@10 with the teacher on held-out histories. */
    public static final String SELECTION_METRIC = "agreement@10";
    /** Held-out sequences for validation: a tenth of the source, at most this many. */
    private static final int MAX_VALIDATION = 500;

    /**
     * @param loss                 a {@link Losses} name, e.g. {@code margin-rank}
     * @param negatives            uniformly sampled items added to each list (label 0)
     * @param prefixesPerSequence  examples drawn from each sequence per epoch
     */
    public record Settings(String loss, int negatives, int prefixesPerSequence) {
        public Settings {
            Losses.create(loss);
            if (negatives < 0 || prefixesPerSequence < 1) {
                throw new IllegalArgumentException("negatives must be >= 0 and prefixesPerSequence >= 1");
            }
        }
    }

    private final TrainConfig config;

    public ListDistillation(TrainConfig config) {
        this.config = config;
    }

    public TrainingResult train(ModelSpec student, ListSource source, Settings settings, ProgressListener listener,
                                BooleanSupplier cancelled, Checkpointing checkpointing) {
        if (source.size() < 2 || source.listLength() < 10) {
            throw new IllegalArgumentException("need at least two sequences and lists of at least 10 items");
        }
        return new TrainingLoop(config).run(student, scoring -> new Task(student, source, settings), listener,
                cancelled, checkpointing);
    }

    private static final class Task implements TrainingTask {
        private final ModelSpec spec;
        private final ListSource source;
        private final Settings settings;
        private final RankingLoss loss;
        private final int trainSequences;
        private final List<int[]> validationHistories = new ArrayList<>();
        private final List<int[]> validationAnswers = new ArrayList<>();

        Task(ModelSpec spec, ListSource source, Settings settings) {
            this.spec = spec;
            this.source = source;
            this.settings = settings;
            this.loss = Losses.create(settings.loss());
            int held = Math.max(1, Math.min(MAX_VALIDATION, source.size() / 10));
            this.trainSequences = source.size() - held;
            int[] indices = new int[held];
            int[] lengths = new int[held];
            for (int i = 0; i < held; i++) {
                indices[i] = trainSequences + i;
                lengths[i] = source.sequence(indices[i]).length;
                validationHistories.add(source.sequence(indices[i]));
            }
            validationAnswers.addAll(Arrays.asList(source.answers(indices, lengths)));
        }

        @Override
        public int examples() {
            return trainSequences * settings.prefixesPerSequence();
        }

        @Override
        public NDArray loss(Trainer trainer, NDManager step, int[] batch, Random random) {
            SequenceRecommender block = (SequenceRecommender) trainer.getModel().getBlock();
            int rows = batch.length;
            int[] indices = new int[rows];
            int[] lengths = new int[rows];
            int[][] inputs = new int[rows][];
            for (int i = 0; i < rows; i++) {
                indices[i] = batch[i] % trainSequences;
                int[] sequence = source.sequence(indices[i]);
                lengths[i] = 1 + random.nextInt(sequence.length);
                inputs[i] = block.inferenceInput(Arrays.copyOf(sequence, lengths[i]));
            }
            int[][] answers = source.answers(indices, lengths);
            int k = source.listLength();
            int width = k + settings.negatives();
            long[] ids = new long[rows * width];
            float[] labels = new float[rows * width];
            float[] mask = new float[rows * width];
            for (int i = 0; i < rows; i++) {
                Set<Integer> listed = new HashSet<>();
                for (int r = 0; r < k; r++) {
                    int item = answers[i][r];
                    if (item > 0) {
                        ids[i * width + r] = item;
                        labels[i * width + r] = k - r;
                        mask[i * width + r] = 1;
                        listed.add(item);
                    }
                }
                for (int j = k; j < width; j++) {
                    int item;
                    do {
                        item = 1 + random.nextInt(spec.numItems());
                    } while (listed.contains(item) && listed.size() < spec.numItems());
                    ids[i * width + j] = item;
                    mask[i * width + j] = 1;
                }
            }
            NDArray x = step.create(SequenceBatches.leftPad(inputs, spec.maxLength()), new Shape(rows, spec.maxLength()));
            NDList out = trainer.forward(new NDList(x));
            NDArray last = out.get(0).get(new NDIndex(":, -1, :"));                           // [B, E]
            NDArray candidates = Embedding.embedding(step.create(ids, new Shape(rows, width)), out.get(1),
                    SparseFormat.DENSE).singletonOrThrow();                                   // [B, L, E]
            NDArray scores = candidates.matMul(last.expandDims(2)).squeeze(2);               // [B, L]
            return loss.evaluate(new ListBatch(scores, step.create(labels, new Shape(rows, width)),
                    step.create(mask, new Shape(rows, width))));
        }

        @Override
        public Map<String, Double> validate(ScoringModel model) {
            int[][] histories = validationHistories.toArray(new int[0][]);
            int[][] answers = model.recommend(histories, histories, 10);
            for (int[] answer : answers) {
                if (answer.length < 10) { // only NaN or -inf scores are left out: the student diverged
                    return Map.of(SELECTION_METRIC, Double.NaN);
                }
            }
            return Agreement.between(List.of(answers), validationAnswers, 1, 10);
        }

        @Override
        public String selectionMetric() {
            return SELECTION_METRIC;
        }
    }
}
