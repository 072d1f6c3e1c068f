package dev.rankforge.core.extract;

import dev.rankforge.core.model.BlackBox;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Data-free query generation against a black box (Yue et al., RecSys 2021). Every sequence starts with a
 * uniformly drawn item; at each step the current sequence is sent as a query and its top-k answer is recorded.
 * The next item is drawn uniformly from that answer ({@code autoregressive}: the sequences drift toward the
 * victim's own patterns) or uniformly from all items ({@code random}). Items never repeat within a sequence.
 * A sequence of length T costs exactly T queries.
 */
public final class QueryGenerator {
    /** How the next item of a generated sequence is chosen. */
    public enum Strategy { RANDOM, AUTOREGRESSIVE }

    /**
     * @param sequences budget in sequences
     * @param length    items per generated sequence (and queries per sequence)
     * @param topK      answer list length requested from the black box (at most 100 for our API)
     * @param batchSize sequences generated side by side (one black-box batch call per step)
     */
    public record Spec(Strategy strategy, int sequences, int length, int topK, long seed, int batchSize) {
        public Spec {
            if (sequences < 1 || length < 2 || topK < 1 || batchSize < 1) {
                throw new IllegalArgumentException("sequences, topK and batchSize must be positive, length at least 2");
            }
        }
    }

    private QueryGenerator() {
    }

    /**
     * @param progress receives the running count of answered queries after every batch call
     * @param cancelled polled between calls
     */
    public static QuerySet generate(Spec spec, int numItems, BlackBox target, LongConsumer progress,
                                    BooleanSupplier cancelled) {
        if (numItems <= spec.length()) {
            throw new IllegalArgumentException("need more items (" + numItems + ") than the sequence length");
        }
        Random random = new Random(spec.seed());
        QuerySet.Builder built = new QuerySet.Builder(numItems, spec.topK());
        long spent = 0;
        for (int start = 0; start < spec.sequences(); start += spec.batchSize()) {
            int n = Math.min(spec.batchSize(), spec.sequences() - start);
            int[][] chunk = new int[n][spec.length()];
            int[][] chunkAnswers = new int[n][spec.length() * spec.topK()];
            List<Set<Integer>> used = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                chunk[i][0] = 1 + random.nextInt(numItems);
                used.add(new HashSet<>(List.of(chunk[i][0])));
            }
            for (int t = 0; t < spec.length(); t++) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("query generation cancelled after " + spent + " queries");
                }
                List<int[]> queries = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    queries.add(java.util.Arrays.copyOf(chunk[i], t + 1));
                }
                List<List<Integer>> answered = target.recommend(queries, spec.topK());
                if (answered.size() != n) {
                    throw new IllegalStateException("the black box answered " + answered.size() + " of " + n + " queries");
                }
                spent += n;
                progress.accept(spent);
                for (int i = 0; i < n; i++) {
                    List<Integer> answer = answered.get(i);
                    for (int r = 0; r < Math.min(spec.topK(), answer.size()); r++) {
                        chunkAnswers[i][t * spec.topK() + r] = answer.get(r);
                    }
                    if (t + 1 < spec.length()) {
                        chunk[i][t + 1] = next(spec.strategy(), answer, used.get(i), numItems, random);
                        used.get(i).add(chunk[i][t + 1]);
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                built.add(chunk[i], chunkAnswers[i]);
            }
        }
        return built.spent(spent).build();
    }

    private static int next(Strategy strategy, List<Integer> answer, Set<Integer> used, int numItems, Random random) {
        if (strategy == Strategy.AUTOREGRESSIVE) {
            List<Integer> fresh = answer.stream().filter(item -> !used.contains(item)).toList();
            if (!fresh.isEmpty()) {
                return fresh.get(random.nextInt(fresh.size()));
            }
        }
        int item;
        do {
            item = 1 + random.nextInt(numItems);
        } while (used.contains(item));
        return item;
    }
}
