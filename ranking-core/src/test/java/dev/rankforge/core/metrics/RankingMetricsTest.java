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
        Map<String, Double> r = FullRankingEvaluator.evaluate(data, oracle, Split.TEST, 0, 1);
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
}
