package dev.rankforge.core.extract;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.training.Trainer;
import dev.rankforge.core.loss.ListBatch;
import dev.rankforge.core.loss.Losses;
import dev.rankforge.core.loss.RankingLoss;
import dev.rankforge.core.metrics.Agreement;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.core.nn.Architectures;
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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Trains a student to reproduce a teacher's ranked lists (ranking distillation; black-box extraction when the
 * lists come from a {@link QuerySet}). Each example is a prefix of a source sequence; the student scores the
 * teacher's list for it plus sampled negatives, and a {@link RankingLoss} compares the student's scores with the
 * teacher's order (labels {@code k - rank} for the list, 0 for negatives). Prefixes are encoded one pass each (the
 * paper's: a random prefix per example, any student) or many from one pass over the sequence ({@link
 * Settings#onePass}: a causal student, every prefix once an epoch). The last sequences of the source are held out:
 * validation is Agreement@10 between student and teacher on their full prefixes.
 */
public final class ListDistillation {
    /** The validation metric that picks the best epoch: Agreement@10 with the teacher on held-out histories. */
    public static final String SELECTION_METRIC = "agreement@10";
    /** Held-out sequences for validation: a tenth of the source, at most this many. */
    private static final int MAX_VALIDATION = 500;

    /**
     * Most floats of one one-pass batch's largest tensors: each prefix's scores over the item table, and the
     * {@code candidates × candidates} pairs the pairwise losses (margin-rank, LambdaLoss, BPR) build over its list and
     * negatives (32 Mi floats, 128 MB, a few times that with gradients). At the paper's 100 + 100 candidates and
     * ML-1M's 3,416 items a 32-row batch takes 23 prefixes a pass, a 128-row batch 5: one-pass wants small batches.
     */
    static final long ONE_PASS_SCORE_BUDGET = 32L << 20;

    /**
     * @param loss                a {@link Losses} name, e.g. {@code margin-rank}
     * @param negatives           uniformly sampled items added to each list
     * @param prefixesPerSequence examples drawn from each sequence per epoch when each prefix has its own pass
     * @param onePass             many prefixes of a sequence from one pass of a causal student
     *                            ({@link SequenceRecommender#encodesPrefixesInOnePass}): an epoch trains every prefix
     *                            of every sequence once, as the paper's epoch does, and {@code prefixesPerSequence}
     *                            does not apply; a sequence longer than the student's input is cut into windows, so
     *                            some prefixes see fewer items than a pass of their own would ({@link OnePassPlan})
     */
    public record Settings(String loss, int negatives, int prefixesPerSequence, boolean onePass) {
        public Settings {
            Losses.create(loss);
            if (negatives < 0 || prefixesPerSequence < 1) {
                throw new IllegalArgumentException("negatives must be >= 0 and prefixesPerSequence >= 1");
            }
        }

        /** One pass per prefix, {@code prefixesPerSequence} random prefixes of each sequence an epoch. */
        public Settings(String loss, int negatives, int prefixesPerSequence) {
            this(loss, negatives, prefixesPerSequence, false);
        }
    }

    private final TrainConfig config;

    public ListDistillation(TrainConfig config) {
        this.config = config;
    }

    /** @throws IllegalArgumentException for a one-pass setting and a student that is not causal */
    public TrainingResult train(ModelSpec student, ListSource source, Settings settings, ProgressListener listener,
                                BooleanSupplier cancelled, Checkpointing checkpointing) {
        if (source.size() < 2 || source.listLength() < 10) {
            throw new IllegalArgumentException("need at least two sequences and lists of at least 10 items");
        }
        SequenceRecommender shape = Architectures.build(student);
        if (settings.onePass() && !shape.encodesPrefixesInOnePass()) {
            throw new IllegalArgumentException(Architectures.onePassRefusal(student.architecture()));
        }
        // each prefix costs its scores over the table and, for the pairwise losses, its candidates' pairs
        int candidates = source.listLength() + settings.negatives();
        long perPrefix = student.numItems() + 1L + (long) candidates * candidates;
        int prefixesPerPass = (int) Math.max(1, Math.min(shape.prefixesPerPass(config.batchSize()),
                Math.min(student.maxLength(), ONE_PASS_SCORE_BUDGET / (config.batchSize() * perPrefix))));
        return new TrainingLoop(config).run(student, scoring -> new Task(student, source, settings, prefixesPerPass),
                listener, cancelled, checkpointing);
    }

    private static final class Task implements TrainingTask {
        private final ModelSpec spec;
        private final ListSource source;
        private final Settings settings;
        private final RankingLoss loss;
        private final int trainSequences;
        private final List<int[]> validationHistories = new ArrayList<>();
        private final List<int[]> validationAnswers = new ArrayList<>();
        /** The one-pass epoch's examples; null when each prefix has its own pass. */
        private final OnePassPlan plan;

        Task(ModelSpec spec, ListSource source, Settings settings, int prefixesPerPass) {
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
            this.plan = settings.onePass() ? OnePassPlan.of(source, trainSequences, spec.maxLength(), prefixesPerPass)
                    : null;
        }

        @Override
        public int examples() {
            return plan != null ? plan.size() : trainSequences * settings.prefixesPerSequence();
        }

        @Override
        public NDArray loss(Trainer trainer, NDManager step, int[] batch, Random random) {
            return plan != null ? onePassLoss(trainer, step, batch, random) : perPrefixLoss(trainer, step, batch, random);
        }

        /** A random prefix of each example's sequence, each encoded by its own pass (the paper's). */
        private NDArray perPrefixLoss(Trainer trainer, NDManager step, int[] batch, Random random) {
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
            Candidates candidates = candidates(source.answers(indices, lengths), random);
            NDArray x = step.create(SequenceBatches.leftPad(inputs, spec.maxLength()), new Shape(rows, spec.maxLength()));
            NDList out = trainer.forward(new NDList(x));
            NDArray last = out.get(0).get(new NDIndex(":, -1, :"));                           // [B, E]
            int width = candidates.width();
            NDArray embedded = Embedding.embedding(step.create(candidates.ids(), new Shape(rows, width)), out.get(1),
                    SparseFormat.DENSE).singletonOrThrow();                                   // [B, L, E]
            NDArray scores = embedded.matMul(last.expandDims(2)).squeeze(2);                 // [B, L]
            return candidates.loss(loss, scores, step, rows);
        }

        /**
         * Many prefixes of each example's sequence from one pass of the (causal) student: the window's items
         * left-padded as one row, the representation at each chosen prefix end scored against the whole item table,
         * and each prefix's candidates picked from its scores.
         */
        private NDArray onePassLoss(Trainer trainer, NDManager step, int[] batch, Random random) {
            int rows = batch.length;
            int length = spec.maxLength();
            int width = 0;
            for (int example : batch) {
                width = Math.max(width, plan.prefixes(example));
            }
            long[] inputs = new long[rows * length];
            long[] positions = new long[rows * width];
            boolean[] used = new boolean[rows * width];
            int[] indices = new int[rows * width];    // of the used slots, in slot order
            int[] lengths = new int[rows * width];
            int asked = 0;
            for (int r = 0; r < rows; r++) {
                int example = batch[r];
                plan.fillRow(example, source.sequence(plan.sequence(example)), inputs, r * length);
                int[] prefixLengths = plan.prefixLengths(example);
                for (int p = 0; p < width; p++) {
                    int slot = r * width + p;
                    if (p < prefixLengths.length) {
                        positions[slot] = plan.column(example, prefixLengths[p]);
                        used[slot] = true;
                        indices[asked] = plan.sequence(example);
                        lengths[asked++] = prefixLengths[p];
                    } else { // an unused slot: scored at the last column, masked out of the loss
                        positions[slot] = length - 1;
                    }
                }
            }
            int[][] answered = source.answers(Arrays.copyOf(indices, asked), Arrays.copyOf(lengths, asked));
            int[][] answers = new int[rows * width][];
            for (int slot = 0, next = 0; slot < answers.length; slot++) {
                answers[slot] = used[slot] ? answered[next++] : new int[source.listLength()];
            }
            Candidates candidates = candidates(answers, random);
            candidates.maskUnused(used);
            NDList out = trainer.forward(new NDList(step.create(inputs, new Shape(rows, length)),
                    step.create(positions, new Shape(rows, width))));
            NDArray representations = out.get(0).reshape(-1, spec.embeddingSize());          // [B·P, E]
            NDArray all = Linear.linear(representations, out.get(1)).singletonOrThrow();     // [B·P, table rows]
            NDArray scores = all.gather(step.create(candidates.ids(), new Shape(rows * width, candidates.width())), 1);
            return candidates.loss(loss, scores, step, rows * width);
        }

        /** Each list's teacher items (labels {@code k - rank}) followed by negatives sampled outside the list. */
        private Candidates candidates(int[][] answers, Random random) {
            int k = source.listLength();
            int width = k + settings.negatives();
            int rows = answers.length;
            long[] ids = new long[rows * width];
            float[] labels = new float[rows * width];
            float[] mask = new float[rows * width];
            boolean[] listed = new boolean[spec.numItems() + 1];
            for (int i = 0; i < rows; i++) {
                int count = 0;
                for (int r = 0; r < k; r++) {
                    int item = answers[i][r];
                    if (item > 0) {
                        ids[i * width + r] = item;
                        labels[i * width + r] = k - r;
                        mask[i * width + r] = 1;
                        if (!listed[item]) {
                            listed[item] = true;
                            count++;
                        }
                    }
                }
                for (int j = k; j < width; j++) {
                    int item;
                    do {
                        item = 1 + random.nextInt(spec.numItems());
                    } while (listed[item] && count < spec.numItems());
                    ids[i * width + j] = item;
                    mask[i * width + j] = 1;
                }
                for (int r = 0; r < k; r++) {
                    listed[answers[i][r]] = false;
                }
            }
            return new Candidates(ids, labels, mask, width);
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

    /** Candidate ids, labels and mask of a batch's lists, {@code width} per list, row-major. */
    private record Candidates(long[] ids, float[] labels, float[] mask, int width) {
        void maskUnused(boolean[] used) {
            for (int i = 0; i < used.length; i++) {
                if (!used[i]) {
                    Arrays.fill(mask, i * width, (i + 1) * width, 0f);
                }
            }
        }

        NDArray loss(RankingLoss loss, NDArray scores, NDManager step, int rows) {
            Shape shape = new Shape(rows, width);
            return loss.evaluate(new ListBatch(scores, step.create(labels, shape), step.create(mask, shape)));
        }
    }

    /**
     * The examples of a one-pass epoch: every prefix of every training sequence exactly once. A sequence longer than
     * the student's input is cut into windows of {@code maxLength} items that end at its end and every
     * {@code maxLength} items before it; a window's prefixes (those ending inside it) are split into chunks of at most
     * {@code prefixesPerPass}, taken with a stride so that each chunk spans the window. One example is one chunk, fed
     * as its window's row. A prefix is encoded from the items of its window up to its end: the first prefixes of a
     * later window see fewer than {@code maxLength} items (a per-prefix pass would see the last {@code maxLength}).
     */
    static final class OnePassPlan {
        private final int maxLength;
        private final int[] sequences;
        private final int[] windowEnds;
        private final int[] firstPrefixes;
        private final int[] strides;
        private final int[] counts;

        private OnePassPlan(int maxLength, int[][] columns) {
            this.maxLength = maxLength;
            this.sequences = columns[0];
            this.windowEnds = columns[1];
            this.firstPrefixes = columns[2];
            this.strides = columns[3];
            this.counts = columns[4];
        }

        static OnePassPlan of(ListSource source, int sequences, int maxLength, int prefixesPerPass) {
            List<int[]> examples = new ArrayList<>();
            for (int s = 0; s < sequences; s++) {
                for (int end = source.sequence(s).length; end > 0; end -= maxLength) {
                    int first = Math.max(0, end - maxLength) + 1;   // the shortest prefix ending in this window
                    int prefixes = end - first + 1;
                    int chunks = (prefixes + prefixesPerPass - 1) / prefixesPerPass;
                    for (int c = 0; c < chunks; c++) {
                        int count = (prefixes - c + chunks - 1) / chunks;
                        examples.add(new int[] {s, end, first + c, chunks, count});
                    }
                }
            }
            int[][] columns = new int[5][examples.size()];
            for (int i = 0; i < examples.size(); i++) {
                for (int c = 0; c < 5; c++) {
                    columns[c][i] = examples.get(i)[c];
                }
            }
            return new OnePassPlan(maxLength, columns);
        }

        int size() {
            return sequences.length;
        }

        int sequence(int example) {
            return sequences[example];
        }

        /** The window's end in its sequence (exclusive): the window holds the {@code maxLength} items before it. */
        int windowEnd(int example) {
            return windowEnds[example];
        }

        int prefixes(int example) {
            return counts[example];
        }

        /** The lengths of the example's prefixes, ascending. */
        int[] prefixLengths(int example) {
            int[] out = new int[counts[example]];
            for (int i = 0; i < out.length; i++) {
                out[i] = firstPrefixes[example] + i * strides[example];
            }
            return out;
        }

        /** Writes the example's window of {@code sequence}, left-padded, into {@code maxLength} ids at {@code offset}. */
        void fillRow(int example, int[] sequence, long[] inputs, int offset) {
            int end = windowEnds[example];
            int start = Math.max(0, end - maxLength);
            int padding = maxLength - (end - start);
            for (int i = start; i < end; i++) {
                inputs[offset + padding + i - start] = sequence[i];
            }
        }

        /** The column of the row {@link #fillRow} writes at which the prefix of {@code prefixLength} items ends. */
        int column(int example, int prefixLength) {
            int end = windowEnds[example];
            return maxLength - (end - prefixLength) - 1;
        }
    }
}
