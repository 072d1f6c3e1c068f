package dev.rankforge.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.Trainer;
import dev.rankforge.core.model.ScoringModel;
import java.util.Map;
import java.util.Random;

/**
 * What {@link TrainingLoop} trains: a fixed set of examples (sequences, or distillation queries), the loss of a
 * batch of them, and the validation after each epoch. The loop owns the model, optimizer, epochs, early
 * stopping and checkpoints.
 */
public interface TrainingTask {
    /** Number of training examples; each epoch visits all of them in a shuffled order. */
    int examples();

    /**
     * The scalar loss of a batch, computed with {@code trainer.forward} inside the loop's gradient collector.
     *
     * @param step    manager for the batch's arrays, closed after the step
     * @param batch   indices into {@code 0..examples()-1}
     * @param random  the epoch's seeded generator (masking, negative sampling, prefixes)
     */
    NDArray loss(Trainer trainer, NDManager step, int[] batch, Random random);

    /** Validation metrics of the current parameters, keyed like {@code ndcg@10}. */
    Map<String, Double> validate(ScoringModel model);

    /** The validation key that selects the best epoch and drives early stopping (higher is better). */
    String selectionMetric();
}
