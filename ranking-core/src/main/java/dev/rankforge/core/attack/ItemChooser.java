package dev.rankforge.core.attack;

/**
 * Chooses the items an attack injects to promote a target: for each history, the {@code slots} items appended to
 * it (profile pollution) or continuing a fake profile (data poisoning). Implementations follow the
 * {@link InjectionLayout} (target and chosen items alternating, the last slot chosen) unless their method says
 * otherwise (the gradient choosers' greedy pass may replace target copies, as the paper's code does). Registered by name in {@link ItemChoosers}.
 */
public interface ItemChooser {
    /** Registry name, as used in attack specs. */
    String name();

    /** What this chooser needs beyond black-box access. */
    Knowledge knowledge();

    /** {@code out[i]} (length {@code slots}) is appended to {@code histories[i]}; never touches the histories. */
    int[][] choose(ChooserContext context, int[][] histories, int target, int slots);
}
