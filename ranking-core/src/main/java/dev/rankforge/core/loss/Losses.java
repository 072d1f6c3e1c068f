package dev.rankforge.core.loss;

import dev.rankforge.core.loss.RankingDistillation.PositionWeight;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Registry from loss names (as used in job specs) to {@link RankingLoss} instances with the papers'
 * default settings: margin 1 for margin ranking, λ = 10 for exponential ranking-distillation weights,
 * μ = 0.1 for the dynamic weight, temperature 2 for the KD losses.
 *
 * <p>One loss family: every loss here scores a list of candidates per row ({@link ListBatch}). The two next-item
 * objectives, {@link NextItemCrossEntropy} and {@link SampledNextItemBce}, are not listed because no job names
 * them: each architecture's {@code Objective} picks one. They score a sequence output
 * {@code (representations, item table)} at every position — {@link SampledNextItemBce} as a two-item list through
 * {@link SampledBce}, {@link NextItemCrossEntropy} as {@link SoftmaxCrossEntropy} over the whole catalogue without
 * building one-hot lists — and extend DJL's {@code Loss} so that DJL's trainer drives them.
 */
public final class Losses {
    private static final Map<String, Supplier<RankingLoss>> REGISTRY = new TreeMap<>();

    static {
        REGISTRY.put(SoftmaxCrossEntropy.NAME, SoftmaxCrossEntropy::new);
        REGISTRY.put(SampledSoftmax.NAME, SampledSoftmax::new);
        REGISTRY.put(Bpr.NAME, Bpr::new);
        REGISTRY.put(SampledBce.NAME, SampledBce::new);
        REGISTRY.put(ListNet.NAME, ListNet::new);
        REGISTRY.put(ListMle.NAME, ListMle::new);
        REGISTRY.put(PairwisePlackettLuce.NAME, PairwisePlackettLuce::new);
        REGISTRY.put(LambdaLoss.NAME, LambdaLoss::new);
        REGISTRY.put(ApproxNdcg.NAME, ApproxNdcg::new);
        REGISTRY.put(MarginRankingDistillation.NAME, () -> new MarginRankingDistillation(1f));
        REGISTRY.put(MarginRankingDistillation.NAME_RANDOM_OFFSET,
                () -> new MarginRankingDistillation(1f, new Random(0)));
        REGISTRY.put(RankingDistillation.NAME, () -> new RankingDistillation(PositionWeight.INVERSE, 10f, false, 0.1f));
        REGISTRY.put(RankingDistillation.NAME + "-exp",
                () -> new RankingDistillation(PositionWeight.EXPONENTIAL, 10f, false, 0.1f));
        REGISTRY.put(RankingDistillation.NAME + "-uniform",
                () -> new RankingDistillation(PositionWeight.UNIFORM, 10f, false, 0.1f));
        REGISTRY.put(RankingDistillation.NAME + "-dynamic",
                () -> new RankingDistillation(PositionWeight.INVERSE, 10f, true, 0.1f));
        REGISTRY.put(HintonKd.NAME, () -> new HintonKd(2f));
        REGISTRY.put(RankWeightedKl.NAME, () -> new RankWeightedKl(2f));
    }

    private Losses() {
    }

    public static Set<String> names() {
        return REGISTRY.keySet();
    }

    /** A new instance of the named loss. */
    public static RankingLoss create(String name) {
        Supplier<RankingLoss> factory = REGISTRY.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown loss '" + name + "', known: " + names());
        }
        return factory.get();
    }
}
