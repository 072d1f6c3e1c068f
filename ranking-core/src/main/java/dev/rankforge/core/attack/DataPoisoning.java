package dev.rankforge.core.attack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fake user profiles for data poisoning (the victim is retrained on real plus fake users). Each profile promotes
 * one target (targets are assigned round-robin) and reads {@code t a t a …} as in the paper: it grows two items at
 * a time, the target and an item an {@link ItemChooser} picks for the profile so far, until it has
 * {@code profileLength} items.
 */
public final class DataPoisoning {
    /** The paper's share of fake users. */
    public static final double PAPER_FRACTION = 0.01;

    private DataPoisoning() {
    }

    /**
     * @param fraction      fake users as a fraction of real users (at least one profile)
     * @param profileLength items per fake profile (the paper: the victim's maximum length)
     */
    public record Spec(double fraction, int profileLength) {
        public Spec {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("fraction must be in (0, 1]");
            }
            if (profileLength < 2) {
                throw new IllegalArgumentException("profileLength must be at least 2");
            }
        }

        public int profiles(int realUsers) {
            return Math.max(1, (int) Math.round(fraction * realUsers));
        }
    }

    /** The fake profiles, in target order (profile {@code p} promotes {@code targets.get(p % targets.size())}). */
    public static int[][] fakeProfiles(ItemChooser chooser, ChooserContext context, int realUsers, List<Integer> targets,
                                       Spec spec) {
        int count = spec.profiles(realUsers);
        int[][] out = new int[count][];
        for (int t = 0; t < targets.size(); t++) {
            int target = targets.get(t);
            List<Integer> mine = new ArrayList<>();
            for (int p = t; p < count; p += targets.size()) {
                mine.add(p);
            }
            if (mine.isEmpty()) {
                continue;
            }
            int[][] profiles = new int[mine.size()][0];
            while (profiles[0].length < spec.profileLength()) {
                int[][] appended = chooser.choose(context, profiles, target, 2);
                for (int i = 0; i < profiles.length; i++) {
                    int[] grown = Arrays.copyOf(profiles[i], profiles[i].length + 2);
                    grown[grown.length - 2] = target; // the target's place stays the target's
                    grown[grown.length - 1] = appended[i][1];
                    profiles[i] = grown;
                }
            }
            for (int i = 0; i < mine.size(); i++) {
                out[mine.get(i)] = Arrays.copyOf(profiles[i], spec.profileLength());
            }
        }
        return out;
    }
}
