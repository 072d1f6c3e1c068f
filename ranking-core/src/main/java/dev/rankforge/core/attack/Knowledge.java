package dev.rankforge.core.attack;

/**
 * What an item chooser needs beyond black-box access to the victim; reported beside its results, because an
 * attack that reads the victim's training data is not a black-box attack.
 */
public enum Knowledge {
    /** Nothing: the item catalogue only. */
    NONE,
    /** How popular each item is (public charts, or counted from observed answers). */
    ITEM_POPULARITY,
    /** The victim's training sequences: a grey-box baseline, not available to a black-box attacker. */
    TRAINING_DATA,
    /** A surrogate (white-box) model extracted from the victim. */
    SURROGATE
}
