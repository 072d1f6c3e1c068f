package dev.rankforge.core.nn;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** Registry from architecture names (as used in requests and artifacts) to block factories. */
public final class Architectures {
    public static final String GRU4REC = "gru4rec";
    public static final String NARM = "narm";
    public static final String SASREC = "sasrec";
    public static final String BERT4REC = "bert4rec";
    public static final String CASER = "caser";
    public static final String TWO_TOWER = "two-tower";

    private static final Map<String, Function<ModelSpec, SequenceRecommender>> FACTORIES = new TreeMap<>(Map.of(
            GRU4REC, Gru4Rec::new,
            NARM, Narm::new,
            SASREC, SasRec::new,
            BERT4REC, Bert4Rec::new,
            CASER, Caser::new,
            TWO_TOWER, TwoTower::new));

    private Architectures() {
    }

    public static Set<String> names() {
        return FACTORIES.keySet();
    }

    public static boolean isKnown(String name) {
        return name != null && FACTORIES.containsKey(name);
    }

    /**
     * Whether a student of this architecture distils many prefixes from one pass
     * ({@link SequenceRecommender#encodesPrefixesInOnePass}).
     */
    public static boolean encodesPrefixesInOnePass(String name) {
        return build(ModelSpec.paperPreset(name, 1, 5)).encodesPrefixesInOnePass();
    }

    /** Why {@code name} cannot be distilled one pass for many prefixes, naming those that can. */
    public static String onePassRefusal(String name) {
        return "one-pass needs a causal student (" + String.join(", ", names().stream()
                .filter(Architectures::encodesPrefixesInOnePass).toList()) + "), not " + name;
    }

    /** Builds an uninitialised block for {@code spec}. */
    public static SequenceRecommender build(ModelSpec spec) {
        Function<ModelSpec, SequenceRecommender> factory = FACTORIES.get(spec.architecture());
        if (factory == null) {
            throw new IllegalArgumentException("unknown architecture '" + spec.architecture() + "', known: " + names());
        }
        return factory.apply(spec);
    }
}
