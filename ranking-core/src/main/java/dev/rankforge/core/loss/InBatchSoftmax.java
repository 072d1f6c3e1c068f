package dev.rankforge.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.training.loss.Loss;

/**
 * Softmax over in-batch negatives with the log-Q correction of Yi et al. (RecSys 2019), the two-tower model's
 * training objective: each position with a target scores its own target against the targets of every other
 * position in the batch, so the cost grows with the batch, not the catalogue. Popular items are in-batch negatives
 * more often than the catalogue's uniform share, which teaches the model to score them too low; subtracting
 * {@code log Q(item)}, the item's estimated share of the batch's candidates, before the softmax undoes that bias.
 * Q comes from a streaming count of every target seen so far by this instance (exact counts: catalogues here fit in
 * memory), so a resumed training run estimates it afresh. Another position whose target is the same item is a
 * positive, not a negative, and is left out of the row's softmax.
 *
 * <p>Labels: target ids {@code [batch, positions]}, 0 where there is none. Predictions: the model's training output
 * {@code (representations [batch, positions, width], item table [tokens, width])}; {@link SampledSoftmax} does the
 * rest.
 */
public final class InBatchSoftmax extends Loss {
    private final boolean logQCorrection;
    private final long[] counts;
    private long total;

    /** @param logQCorrection subtract log Q of each candidate (false: the uncorrected in-batch softmax) */
    public InBatchSoftmax(int numItems, boolean logQCorrection) {
        super(logQCorrection ? "in-batch-softmax" : "in-batch-softmax-uncorrected");
        this.logQCorrection = logQCorrection;
        this.counts = new long[numItems + 1];
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        TargetPositions real = TargetPositions.of(labels, predictions);
        if (real == null) {
            return TargetPositions.none(predictions);
        }
        NDArray queries = real.representations();                                             // [N, W]
        NDArray items = real.targets();                                                       // [N]
        long n = items.getShape().get(0);
        // Looked up with the batch's ids first: the rows stay in the step's manager, not the parameter's.
        NDArray candidates = Embedding.embedding(items, predictions.get(1), SparseFormat.DENSE)
                .singletonOrThrow();                                                          // [N, W]
        NDArray scores = Linear.linear(queries, candidates).singletonOrThrow();               // [N, N]
        NDArray own = items.getManager().eye((int) n);
        NDArray sameItem = items.expandDims(1).eq(items.expandDims(0)).toType(DataType.FLOAT32, false);
        NDArray mask = sameItem.sub(own).neg().add(1f);          // 0 where another position has the same target
        NDArray offsets = logQCorrection ? logQ(items) : null;
        return new SampledSoftmax().evaluate(new ListBatch(scores, own, mask, offsets));
    }

    /** {@code log Q} of each candidate {@code [1, N]}, after counting this batch's targets. */
    private NDArray logQ(NDArray items) {
        long[] ids = items.toLongArray();
        for (long id : ids) {
            counts[(int) id]++;
        }
        total += ids.length;
        float[] out = new float[ids.length];
        for (int j = 0; j < ids.length; j++) {
            out[j] = (float) Math.log(counts[(int) ids[j]] / (double) total);
        }
        return items.getManager().create(out).expandDims(0);
    }
}
