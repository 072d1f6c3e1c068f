package dev.rankforge.core.attack;

import dev.rankforge.core.model.WhiteBoxModel;

/**
 * The greedy pass shared by the surrogate-based choosers: for one slot of every sequence, try each of its
 * candidate items in turn and keep the one that maximises the surrogate's probability of the target (ties keep
 * the later candidate, as the paper's code does).
 */
final class GreedySlotSearch {
    private GreedySlotSearch() {
    }

    /**
     * Updates {@code sequences[i][positions[i]]} in place and returns the new target probabilities.
     *
     * @param best       current probabilities of the target for {@code sequences}
     * @param candidates {@code candidates[i]}: items to try at {@code positions[i]} of sequence {@code i}
     */
    static float[] refine(WhiteBoxModel surrogate, int[][] sequences, int[] positions, int[][] candidates, int target,
                          float[] best) {
        float[] probabilities = best.clone();
        int tries = 0;
        for (int[] row : candidates) {
            tries = Math.max(tries, row.length);
        }
        for (int attempt = 0; attempt < tries; attempt++) {
            int[][] trial = new int[sequences.length][];
            for (int i = 0; i < sequences.length; i++) {
                trial[i] = sequences[i].clone();
                if (attempt < candidates[i].length) { // rows may have fewer candidates (tiny catalogues)
                    trial[i][positions[i]] = candidates[i][attempt];
                }
            }
            float[] p = surrogate.targetProbability(trial, target);
            for (int i = 0; i < sequences.length; i++) {
                if (attempt < candidates[i].length && p[i] >= probabilities[i]) {
                    probabilities[i] = p[i];
                    sequences[i][positions[i]] = candidates[i][attempt];
                }
            }
        }
        return probabilities;
    }

    /** The {@code count} best items of {@code score} (1..n), highest first unless {@code ascending}; skip {@code excluded}. */
    static int[] best(float[] score, int count, boolean ascending, int excluded) {
        int n = score.length - 1;
        int take = Math.min(count, excluded >= 1 && excluded <= n ? n - 1 : n);
        int[] out = new int[take];
        boolean[] used = new boolean[score.length];
        if (excluded >= 1 && excluded <= n) {
            used[excluded] = true;
        }
        for (int r = 0; r < take; r++) {
            int arg = -1;
            for (int item = 1; item <= n; item++) {
                if (!used[item] && (arg < 0 || (ascending ? score[item] < score[arg] : score[item] > score[arg]))) {
                    arg = item;
                }
            }
            out[r] = arg;
            used[arg] = true;
        }
        return out;
    }
}
