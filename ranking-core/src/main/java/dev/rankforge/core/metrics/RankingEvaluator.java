package dev.rankforge.core.metrics;

import dev.rankforge.core.data.SequenceDataset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Evaluates a {@link Scorer} on a leave-one-out split under an {@link EvaluationProtocol}, streaming over
 * batches of users. Items in the user's history never compete with the target. Sampling is seeded, so the
 * same call gives the same numbers.
 */
public final class RankingEvaluator {
    private static final int BATCH = 256;

    private RankingEvaluator() {
    }

    /** Evaluates the first {@code maxUsers} users (all when {@code maxUsers <= 0}). */
    public static Map<String, Double> evaluate(SequenceDataset data, Scorer scorer, Split split,
                                               EvaluationProtocol protocol, int maxUsers, long seed, int... ks) {
        return evaluate(data, scorer, split, List.of(protocol), maxUsers, seed, ks).get(protocol.name());
    }

    /**
     * Evaluates under several protocols while scoring each user once; keyed by protocol name. Each protocol
     * samples from its own {@code Random(seed)}, so the figures equal separate single-protocol runs.
     */
    public static Map<String, Map<String, Double>> evaluate(SequenceDataset data, Scorer scorer, Split split,
                                                            List<EvaluationProtocol> protocols, int maxUsers,
                                                            long seed, int... ks) {
        int users = maxUsers <= 0 ? data.numUsers() : Math.min(maxUsers, data.numUsers());
        List<MetricAccumulator> accumulators = new ArrayList<>();
        List<Random> randoms = new ArrayList<>();
        for (int i = 0; i < protocols.size(); i++) {
            accumulators.add(new MetricAccumulator(ks));
            randoms.add(new Random(seed));
        }
        for (int start = 0; start < users; start += BATCH) {
            int end = Math.min(users, start + BATCH);
            int[][] histories = new int[end - start][];
            for (int u = start; u < end; u++) {
                histories[u - start] = split.history(data, u);
            }
            float[][] scores = scorer.score(histories);
            for (int u = start; u < end; u++) {
                for (int i = 0; i < protocols.size(); i++) {
                    accumulators.get(i).add(protocols.get(i).rank(scores[u - start], split.target(data, u),
                            histories[u - start], randoms.get(i)));
                }
            }
        }
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (int i = 0; i < protocols.size(); i++) {
            out.put(protocols.get(i).name(), accumulators.get(i).result());
        }
        return out;
    }

    /** Full ranking, the default protocol. */
    public static Map<String, Double> fullRanking(SequenceDataset data, Scorer scorer, Split split, int maxUsers,
                                                  int... ks) {
        return evaluate(data, scorer, split, EvaluationProtocol.fullRanking(), maxUsers, 0L, ks);
    }
}
