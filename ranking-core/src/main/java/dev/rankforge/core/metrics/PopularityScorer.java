package dev.rankforge.core.metrics;

import dev.rankforge.core.data.SequenceDataset;

/** The popularity baseline: every user gets items scored by their training-part frequency. */
public final class PopularityScorer implements Scorer {
    private final float[] scores;

    public PopularityScorer(SequenceDataset data) {
        long[] counts = data.trainPopularity();
        scores = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            scores[i] = counts[i];
        }
    }

    @Override
    public float[][] score(int[][] histories) {
        float[][] out = new float[histories.length][];
        for (int i = 0; i < histories.length; i++) {
            out[i] = scores.clone();
        }
        return out;
    }
}
