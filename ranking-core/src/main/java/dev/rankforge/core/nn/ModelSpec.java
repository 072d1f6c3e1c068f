package dev.rankforge.core.nn;

/**
 * Everything needed to rebuild a model's block before loading its parameters.
 *
 * @param architecture  registry name, e.g. {@code gru4rec}
 * @param numItems      number of real items; the output has {@code numItems + 1} columns, column 0 is padding
 * @param embeddingSize item embedding width
 * @param hiddenSize    recurrent state width
 * @param maxLength     longest history the model reads; older items are dropped
 */
public record ModelSpec(String architecture, int numItems, int embeddingSize, int hiddenSize, int maxLength) {
    public ModelSpec {
        if (numItems < 1 || embeddingSize < 1 || hiddenSize < 1 || maxLength < 1) {
            throw new IllegalArgumentException("model sizes must be positive: " + numItems + ", " + embeddingSize
                    + ", " + hiddenSize + ", " + maxLength);
        }
    }
}
