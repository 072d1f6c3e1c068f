package dev.rankforge.core.attack;

import java.util.List;

/**
 * Grey-box baseline that reads the victim's training data: the items after which the target most often comes
 * next in the training sequences ({@link CoVisitation}), the strongest last. Slots without a lead-in item of
 * enough support hold the target.
 */
final class CoVisitationChooser implements ItemChooser {
    static final String NAME = "co-visitation";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Knowledge knowledge() {
        return Knowledge.TRAINING_DATA;
    }

    @Override
    public int[][] choose(ChooserContext context, int[][] histories, int target, int slots) {
        int count = InjectionLayout.chosenSlots(slots);
        List<Integer> leadIns = new CoVisitation(context.requireTrainingData(NAME)).pollutionItems(target, count);
        int[] chosen = new int[count];
        int missing = count - leadIns.size();
        for (int j = 0; j < count; j++) {
            chosen[j] = j < missing ? target : leadIns.get(j - missing);
        }
        return InjectionLayout.forEvery(histories.length, InjectionLayout.fill(target, chosen, slots));
    }
}
