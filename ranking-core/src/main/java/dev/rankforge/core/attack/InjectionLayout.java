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
