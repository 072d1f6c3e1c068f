package dev.rankforge.core.attack;

import java.util.Random;

/** Baseline: uniformly random items (never the target) in the chosen slots, seeded per history and length. */
final class RandomChooser implements ItemChooser {
    static final String NAME = "random";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Knowledge knowledge() {
        return Knowledge.NONE;
    }

    @Override
    public int[][] choose(ChooserContext context, int[][] histories, int target, int slots) {
        int[][] out = new int[histories.length][];
        for (int i = 0; i < histories.length; i++) {
            // Seeded per history and its length: a profile grown step by step draws new items at every step.
            Random random = new Random(context.seed() * 1_000_003L + target * 7_919L + i * 131L + histories[i].length);
            int[] chosen = new int[InjectionLayout.chosenSlots(slots)];
            for (int j = 0; j < chosen.length; j++) {
                int item;
                do {
                    item = 1 + random.nextInt(context.numItems());
                } while (item == target);
                chosen[j] = item;
            }
            out[i] = InjectionLayout.fill(target, chosen, slots);
        }
        return out;
    }
}
