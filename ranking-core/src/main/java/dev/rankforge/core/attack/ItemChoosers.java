package dev.rankforge.core.attack;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Registry from chooser names (as used in attack specs) to {@link ItemChooser}s: {@code random},
 * {@code popular}, {@code co-visitation} (grey box: reads the training data), {@code gradient} (the paper's
 * surrogate-gradient attack), {@code gradient-paper} (the same with the paper code's ascending sort) and
 * {@code cw} (Carlini–Wagner style optimisation of relaxed slots).
 */
public final class ItemChoosers {
    /**
     * Tunable settings of the surrogate-based choosers; defaults as the paper's code where it has them
     * (10 greedy candidates per slot).
     */
    public record Settings(int candidates, int cwSteps, float cwLearningRate, float cwKappa, float cwC) {
        public static final Settings DEFAULTS = new Settings(10, 50, 0.5f, 1f, 0.05f);

        public Settings {
            if (candidates < 1 || cwSteps < 1 || cwLearningRate <= 0 || cwKappa < 0 || cwC < 0) {
                throw new IllegalArgumentException("chooser settings must be positive: " + candidates + ", " + cwSteps
                        + ", " + cwLearningRate + ", " + cwKappa + ", " + cwC);
            }
        }
    }

    private static final Map<String, Function<Settings, ItemChooser>> REGISTRY = new TreeMap<>();

    static {
        REGISTRY.put(RandomChooser.NAME, s -> new RandomChooser());
        REGISTRY.put(PopularChooser.NAME, s -> new PopularChooser());
        REGISTRY.put(CoVisitationChooser.NAME, s -> new CoVisitationChooser());
        REGISTRY.put(GradientChooser.NAME, s -> new GradientChooser(false, s.candidates()));
        REGISTRY.put(GradientChooser.NAME_PAPER, s -> new GradientChooser(true, s.candidates()));
        REGISTRY.put(CwChooser.NAME, s -> new CwChooser(new CwChooser.Settings(s.cwSteps(), s.cwLearningRate(),
                s.cwKappa(), s.cwC(), s.candidates())));
    }

    private ItemChoosers() {
    }

    public static Set<String> names() {
        return REGISTRY.keySet();
    }

    /** The named chooser with default settings. */
    public static ItemChooser create(String name) {
        return create(name, Settings.DEFAULTS);
    }

    public static ItemChooser create(String name, Settings settings) {
        Function<Settings, ItemChooser> factory = REGISTRY.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown chooser '" + name + "', known: " + names());
        }
        return factory.apply(settings);
    }
}
