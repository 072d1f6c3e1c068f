package dev.rankforge.core.attack;


/** Baseline: the most popular items (never the target) in the chosen slots, the most popular last. */
final class PopularChooser implements ItemChooser {
    static final String NAME = "popular";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Knowledge knowledge() {
        return Knowledge.ITEM_POPULARITY;
    }

    @Override
    public int[][] choose(ChooserContext context, int[][] histories, int target, int slots) {
        long[] popularity = context.requirePopularity(NAME);
        int count = InjectionLayout.chosenSlots(slots);
        int[] mostPopularFirst = AttackTargets.mostPopularFirst(popularity).stream().filter(item -> item != target)
                .limit(count).mapToInt(Integer::intValue).toArray();
        int[] chosen = new int[count];
        for (int j = 0; j < count; j++) {
            chosen[j] = mostPopularFirst[Math.max(0, mostPopularFirst.length - 1 - j) % mostPopularFirst.length];
        }
        return InjectionLayout.forEvery(histories.length, InjectionLayout.fill(target, chosen, slots));
    }
}
