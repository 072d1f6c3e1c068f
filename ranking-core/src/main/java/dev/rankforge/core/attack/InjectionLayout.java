package dev.rankforge.core.attack;

/**
 * The paper's layout of injected slots: target and chosen (adversarial) items alternate, the last slot holds a
 * chosen item, so with 10 slots the appended items read {@code t a t a t a t a t a}.
 */
public final class InjectionLayout {
    private InjectionLayout() {
    }

    /** Whether slot {@code slot} (0-based, oldest first) of {@code slots} holds the target. */
    public static boolean isTargetSlot(int slot, int slots) {
        return (slots - 1 - slot) % 2 == 1;
    }

    /** Number of slots that hold chosen items. */
    public static int chosenSlots(int slots) {
        return (slots + 1) / 2;
    }

    /** Each history with {@code slots} copies of the target appended: where the surrogate choosers start. */
    static int[][] withTargetCopies(int[][] histories, int target, int slots) {
        int[][] out = new int[histories.length][];
        for (int i = 0; i < histories.length; i++) {
            out[i] = java.util.Arrays.copyOf(histories[i], histories[i].length + slots);
            java.util.Arrays.fill(out[i], histories[i].length, out[i].length, target);
        }
        return out;
    }

    /** The same appended items for each of {@code count} histories (choosers whose choice ignores the history). */
    static int[][] forEvery(int count, int[] appended) {
        int[][] out = new int[count][];
        for (int i = 0; i < count; i++) {
            out[i] = appended.clone();
        }
        return out;
    }

    /** The slots with the target in its places and {@code chosen} (oldest first) in the others. */
    public static int[] fill(int target, int[] chosen, int slots) {
        if (chosen.length != chosenSlots(slots)) {
            throw new IllegalArgumentException(chosenSlots(slots) + " chosen items are needed, got " + chosen.length);
        }
        int[] out = new int[slots];
        int next = 0;
        for (int slot = 0; slot < slots; slot++) {
            out[slot] = isTargetSlot(slot, slots) ? target : chosen[next++];
        }
        return out;
    }
}
