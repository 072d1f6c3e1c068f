package dev.rankforge.core.nn;

import ai.djl.training.loss.Loss;
import dev.rankforge.core.loss.InBatchSoftmax;
import dev.rankforge.core.loss.NextItemCrossEntropy;
import dev.rankforge.core.loss.SampledNextItemBce;
import java.util.List;
import java.util.Random;

/**
 * How an architecture is trained, in one place (as RecBole's {@code calculate_loss}): how a batch of training
 * sequences is cut into inputs and targets ({@link #cut}) and which loss scores the block's training output
 * ({@link #loss}). Each block lists the objectives it fits ({@link SequenceRecommender#objectives()}).
 */
public enum Objective {
    /** Next item at every position, full-softmax cross-entropy (GRU4Rec). */
    NEXT_ITEM_ALL_POSITIONS,
    /** Next item after a random prefix of each sequence, full-softmax cross-entropy (NARM, the paper's). */
    NEXT_ITEM_LAST_POSITION,
    /**
     * Next item after many prefixes of each sequence from one encoder pass, full-softmax cross-entropy: NARM's GRU
     * runs once over the whole (left-padded) sequence and its attention is causally masked per prefix, so each prefix
     * is encoded as the last-position model encodes the same row cut after it — the same padding ahead of it, where a
     * prefix fed alone would be padded to the full length (the GRU's state drifts over padding, so the two differ
     * slightly for short paddings and converge for long ones). Every prefix when the batch's attention fits
     * {@link TrainingBatch#PREFIX_ATTENTION_BUDGET}, else a random subset of that size per sequence.
     */
    NEXT_ITEM_PREFIXES,
    /** Next item at every position against one sampled negative, binary cross-entropy (SASRec). */
    NEXT_ITEM_SAMPLED_BCE,
    /** Cloze: randomly masked items predicted with full-softmax cross-entropy (BERT4Rec, the paper's). */
    MASKED_ITEM,
    /**
     * Cloze with each sequence's last item masked besides the random ones (a variant of the fine-tuning batches of
     * RecBole's BERT4Rec, which mask only the last item): every row also trains the task the model is asked when it
     * recommends, the item behind a trailing mask token, at no extra cost per pass.
     */
    MASKED_ITEM_AND_LAST,
    /**
     * Next item after many prefixes of each sequence, softmax over the batch's own targets (in-batch negatives) with
     * the log-Q correction of Yi et al. (RecSys 2019) from a streaming item-frequency count (the two-tower model's):
     * at most {@link #IN_BATCH_QUERIES} prefixes per batch, so the cost does not grow with the catalogue.
     */
    IN_BATCH_SOFTMAX,
    /** {@link #IN_BATCH_SOFTMAX} without the log-Q correction: popular items are over-penalised as negatives. */
    IN_BATCH_SOFTMAX_UNCORRECTED;

    /** Most prefixes (queries, and so in-batch candidates) one in-batch softmax batch scores. */
    public static final int IN_BATCH_QUERIES = 2048;

    /**
     * A training batch of {@code trainSequences} for a model of {@code spec}.
     *
     * @param maskProbability BERT4Rec's share of masked items (cloze)
     */
    public TrainingBatch cut(int[][] trainSequences, ModelSpec spec, float maskProbability, Random random) {
        int prefixes = switch (this) {
            case NEXT_ITEM_PREFIXES ->
                    TrainingBatch.prefixesPerRow(trainSequences.length, spec.maxLength(), spec.hiddenSize());
            case IN_BATCH_SOFTMAX, IN_BATCH_SOFTMAX_UNCORRECTED ->
                    Math.max(1, Math.min(spec.maxLength(), IN_BATCH_QUERIES / Math.max(1, trainSequences.length)));
            default -> spec.maxLength();
        };
        return TrainingBatch.of(this, trainSequences, spec.maxLength(), spec.numItems(), maskProbability, prefixes,
                random);
    }

    /** The loss of a batch {@link #cut} for this objective, over the block's training output. */
    public Loss loss(ModelSpec spec) {
        return switch (this) {
            case NEXT_ITEM_SAMPLED_BCE -> new SampledNextItemBce();
            case IN_BATCH_SOFTMAX -> new InBatchSoftmax(spec.numItems(), true);
            case IN_BATCH_SOFTMAX_UNCORRECTED -> new InBatchSoftmax(spec.numItems(), false);
            default -> new NextItemCrossEntropy(spec.numItems());
        };
    }

    /**
     * The name a training spec uses: {@code next-item-ce}, {@code last-position-ce}, {@code prefixes-ce},
     * {@code sampled-bce}, {@code cloze}, {@code cloze-last}, {@code in-batch-softmax}, {@code in-batch-softmax-uncorrected}.
     */
    public String label() {
        return switch (this) {
            case NEXT_ITEM_ALL_POSITIONS -> "next-item-ce";
            case NEXT_ITEM_LAST_POSITION -> "last-position-ce";
            case NEXT_ITEM_PREFIXES -> "prefixes-ce";
            case NEXT_ITEM_SAMPLED_BCE -> "sampled-bce";
            case MASKED_ITEM -> "cloze";
            case MASKED_ITEM_AND_LAST -> "cloze-last";
            case IN_BATCH_SOFTMAX -> "in-batch-softmax";
            case IN_BATCH_SOFTMAX_UNCORRECTED -> "in-batch-softmax-uncorrected";
        };
    }

    /**
     * The objective named {@code label} among those a model can train with ({@code fitting}, its own first): a model
     * that outputs a representation at every position (GRU4Rec, SASRec) trains with full-softmax cross-entropy at
     * every position ({@code next-item-ce}, Klenitskiy &amp; Vasilev 2023) or one sampled negative
     * ({@code sampled-bce}, the SASRec paper's); NARM with one random prefix ({@code last-position-ce}, the paper's) or
     * many prefixes per pass ({@code prefixes-ce}); the two-tower model with in-batch negatives, log-Q corrected or not,
     * or the full softmax ({@code next-item-ce}); BERT4Rec with random masks ({@code cloze}, the paper's) or with
     * the last item masked too ({@code cloze-last}); Caser keeps its own.
     *
     * @return the model's own objective when {@code label} is null
     * @throws IllegalArgumentException naming the choices when it does not fit
     */
    public static Objective resolve(String label, List<Objective> fitting) {
        if (label == null) {
            return fitting.get(0);
        }
        for (Objective o : fitting) {
            if (o.label().equals(label)) {
                return o;
            }
        }
        throw new IllegalArgumentException("objective '" + label + "' does not fit this architecture; choose "
                + String.join(" or ", fitting.stream().map(Objective::label).toList()));
    }
}
