package dev.rankforge.core.nn;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Everything needed to rebuild a model's block before loading its parameters.
 *
 * @param architecture  registry name, e.g. {@code gru4rec}
 * @param numItems      number of real items; scores have {@code numItems + 1} columns, column 0 is padding
 * @param embeddingSize item embedding width (the width of the sequence representation)
 * @param hiddenSize    recurrent state width (GRU4Rec, NARM), horizontal filters per height (Caser); ignored by
 *                      the transformers
 * @param maxLength     longest history the model reads; older items are dropped (Caser's window L)
 * @param layers        transformer blocks (SASRec, BERT4Rec)
 * @param heads         attention heads (SASRec, BERT4Rec)
 * @param dropout       dropout rate inside the model
 * @param userTower     the two-tower model's history encoder ({@link TwoTower#TOWERS}); null: its default, and for
 *                      every other architecture
 * @param temperature   the two-tower model's softmax temperature over cosine scores (positive); null: its default
 */
@JsonIgnoreProperties(ignoreUnknown = true) // stored as jsonb: a row written by another version still reads
@JsonInclude(JsonInclude.Include.NON_NULL)  // specs of the sequential models are written as before the two-tower
public record ModelSpec(String architecture, int numItems, int embeddingSize, int hiddenSize, int maxLength,
                        int layers, int heads, float dropout, String userTower, Float temperature) {
    public ModelSpec {
        if (temperature != null && !(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
        if (numItems < 1 || embeddingSize < 1 || hiddenSize < 1 || maxLength < 1 || layers < 1 || heads < 1) {
            throw new IllegalArgumentException("model sizes must be positive: " + numItems + ", " + embeddingSize
                    + ", " + hiddenSize + ", " + maxLength + ", " + layers + ", " + heads);
        }
        if (embeddingSize % heads != 0) {
            throw new IllegalArgumentException("embeddingSize " + embeddingSize + " is not divisible by heads " + heads);
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1)");
        }
    }

    /** A spec of a model with no two-tower settings. */
    public ModelSpec(String architecture, int numItems, int embeddingSize, int hiddenSize, int maxLength, int layers,
                     int heads, float dropout) {
        this(architecture, numItems, embeddingSize, hiddenSize, maxLength, layers, heads, dropout, null, null);
    }

    /** A recurrent model's spec (one layer, no dropout). */
    public ModelSpec(String architecture, int numItems, int embeddingSize, int hiddenSize, int maxLength) {
        this(architecture, numItems, embeddingSize, hiddenSize, maxLength, 1, 1, 0f);
    }

    /**
     * The papers' settings: BERT4Rec and SASRec with hidden 64, 2 blocks, 2 heads, dropout 0.1 (max length 200
     * for ML-1M, 50 for Steam and Beauty); NARM with embedding 64, GRU hidden 128 and dropout 0.1 on embeddings and
     * context (the extraction paper's code; until 7 December 0.25 and 0.5, the NARM paper's); GRU4Rec 64/64; Caser with
     * embedding 64, 16 horizontal filters per height, a window of the last 5 items and dropout 0.5. The two-tower
     * model: embedding 64, a mean-pooling user tower and temperature 0.05 (Yi et al. 2019 tune it in 0.05–0.1).
     */
    public static ModelSpec paperPreset(String architecture, int numItems, int maxLength) {
        return switch (architecture) {
            case Architectures.BERT4REC, Architectures.SASREC ->
                    new ModelSpec(architecture, numItems, 64, 64, maxLength, 2, 2, 0.1f);
            case Architectures.NARM -> new ModelSpec(architecture, numItems, 64, 128, maxLength, 1, 1, 0.1f);
            case Architectures.GRU4REC -> new ModelSpec(architecture, numItems, 64, 64, maxLength);
            case Architectures.CASER -> new ModelSpec(architecture, numItems, 64, 16, Math.min(maxLength, 5), 1, 1, 0.5f);
            case Architectures.TWO_TOWER -> new ModelSpec(architecture, numItems, 64, 64, maxLength, 2, 2, 0.1f,
                    TwoTower.MEAN, TwoTower.DEFAULT_TEMPERATURE);
            default -> throw new IllegalArgumentException("no preset for " + architecture);
        };
    }
}
