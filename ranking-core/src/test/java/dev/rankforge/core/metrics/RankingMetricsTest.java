package dev.rankforge.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rankforge.core.data.SequenceDataset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    @Test
    void fullRankExcludesSeenItemsAndPadding() {
        //                 pad   1    2    3    4    5
        float[] scores = {9f, 0.9f, 0.8f, 0.7f, 0.6f, 0.5f};
        assertThat(RankingMetrics.fullRank(scores, 4, new int[0])).isEqualTo(3);
        assertThat(RankingMetrics.fullRank(scores, 4, new int[] {1, 3})).isEqualTo(1);
        assertThat(RankingMetrics.fullRank(scores, 1, new int[0])).isZero();
    }

    @Test
    void nanScoresNeverFavourTheTarget() {
        // A diverged model scores NaN; before this rule every comparison was false and it ranked each target first.
        float nan = Float.NaN;
        assertThat(RankingMetrics.fullRank(new float[] {0f, nan, nan, nan, nan}, 2, new int[0])).isEqualTo(3);
        assertThat(RankingMetrics.fullRank(new float[] {0f, 0.1f, 0.9f, nan, 0.2f}, 2, new int[0]))
                .as("a NaN competitor counts above a finite target").isEqualTo(1);
        assertThat(RankingMetrics.fullRank(new float[] {0f, 0.5f, 0.5f, 0.1f}, 2, new int[0]))
                .as("ties still favour the target").isZero();
    }

    @Test
    void metricsMatchHandComputedValues() {
        assertThat(RankingMetrics.ndcg(0, 10)).isEqualTo(1.0);
        assertThat(RankingMetrics.ndcg(1, 10)).isCloseTo(1 / (Math.log(3) / Math.log(2)), within(1e-12));
        assertThat(RankingMetrics.ndcg(2, 10)).isCloseTo(0.5, within(1e-12));
        assertThat(RankingMetrics.ndcg(10, 10)).isZero();
        assertThat(RankingMetrics.recall(9, 10)).isEqualTo(1.0);
        assertThat(RankingMetrics.recall(10, 10)).isZero();
        assertThat(RankingMetrics.reciprocalRank(3)).isEqualTo(0.25);
    }

    @Test
    void accumulatorAveragesOverUsers() {
        MetricAccumulator acc = new MetricAccumulator(1, 5);
        acc.add(0);   // ndcg 1, hit
        acc.add(2);   // ndcg@5 0.5
        acc.add(7);   // miss
        Map<String, Double> r = acc.result();
        assertThat(r.get("ndcg@1")).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(r.get("ndcg@5")).isCloseTo(1.5 / 3, within(1e-12));
        assertThat(r.get("recall@5")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.get("mrr")).isCloseTo((1 + 1.0 / 3 + 1.0 / 8) / 3, within(1e-12));
    }

    @Test
    void evaluatorScoresTheTestItemFromTheTestHistory() {
        // Two users over 5 items; an oracle scorer that always puts item 5 first.
        SequenceDataset data = new SequenceDataset(5, new int[][] {{1, 2, 3, 5}, {2, 3, 4, 1}});
        Scorer oracle = histories -> {
            float[][] out = new float[histories.length][];
            for (int i = 0; i < out.length; i++) {
                out[i] = new float[] {0, 1, 2, 3, 4, 10};
            }
            return out;
        };
        Map<String, Double> r = RankingEvaluator.fullRanking(data, oracle, Split.TEST, 0, 1);
        // user 0: target 5 ranked first; user 1: target 1, unseen candidates {1, 5} -> rank 1.
        assertThat(r.get("recall@1")).isEqualTo(0.5);
        assertThat(r.get("mrr")).isEqualTo(0.75);
    }

    @Test
    void popularityCountsOnlyTrainingParts() {
        SequenceDataset data = new SequenceDataset(4, new int[][] {{1, 2, 3, 4}, {1, 3, 2, 4}});
        float[] scores = new PopularityScorer(data).score(new int[][] {{1}})[0];
        assertThat(scores).containsExactly(0f, 2f, 1f, 1f, 0f);
    }

    @Test
    void precisionAndMapFollowFromTheRank() {
        MetricAccumulator acc = new MetricAccumulator(5);
        acc.add(1);
        acc.add(6);
        Map<String, Double> r = acc.result();
        assertThat(r.get("precision@5")).isCloseTo(0.1, within(1e-12)); // (1/5 + 0) / 2
        assertThat(r.get("map@5")).isCloseTo(0.25, within(1e-12));      // (1/2 + 0) / 2
    }

    @Test
    void sampledProtocolsRankAgainstUnseenNegativesOnlyAndAreSeeded() {
        int items = 300;
        float[] scores = new float[items + 1];
        for (int i = 1; i <= items; i++) {
            scores[i] = i; // item 300 best
        }
        int[] history = java.util.stream.IntStream.rangeClosed(201, 299).toArray(); // the 99 items just below 300
        EvaluationProtocol uniform = EvaluationProtocol.uniformNegatives(100);
        // target 300 beats everything; target 200 beats all unseen items below it: rank = #negatives above 200 = 0
        assertThat(uniform.rank(scores, 300, history, new java.util.Random(1))).isZero();
        assertThat(uniform.rank(scores, 200, history, new java.util.Random(1))).as("300 only").isLessThanOrEqualTo(1);
        int a = uniform.rank(scores, 100, history, new java.util.Random(5));
        int b = uniform.rank(scores, 100, history, new java.util.Random(5));
        assertThat(a).isEqualTo(b).isBetween(1, 100);
        long[] popularity = new long[items + 1];
        java.util.Arrays.fill(popularity, 1);
        popularity[300] = 1_000_000; // almost always drawn
        EvaluationProtocol popular = EvaluationProtocol.popularityNegatives(100, popularity);
        assertThat(popular.name()).isEqualTo("popularity-100");
        assertThat(popular.rank(scores, 150, history, new java.util.Random(2))).isPositive();
        // above 100: items 101..200 and 300 (201..299 are in the history)
        assertThat(EvaluationProtocol.fullRanking().rank(scores, 100, history, null)).isEqualTo(101);
    }

    @Test
    void agreementAndExactMatchBetweenTwoModelsLists() {
        java.util.List<int[]> a = java.util.List.of(new int[] {1, 2, 3}, new int[] {4, 5, 6});
        java.util.List<int[]> b = java.util.List.of(new int[] {2, 1, 9}, new int[] {4, 5, 6});
        Map<String, Double> r = Agreement.between(a, b, 1, 2, 3);
        assertThat(r.get("agreement@1")).isEqualTo(0.5);   // (0 + 1) / 2
        assertThat(r.get("agreement@2")).isEqualTo(1.0);   // {1,2} = {2,1}; {4,5} = {4,5}
        assertThat(r.get("agreement@3")).isCloseTo((2.0 / 3 + 1) / 2, within(1e-12));
        assertThat(r.get("em@2")).isEqualTo(0.5);          // order differs in the first
        assertThat(r.get("em@3")).isEqualTo(0.5);
    }
}
