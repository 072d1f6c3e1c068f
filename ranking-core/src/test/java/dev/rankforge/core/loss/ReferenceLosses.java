package dev.rankforge.core.loss;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Plain-Java, one-row-at-a-time reference formulas of every loss, written from the papers' definitions
 * independently of the NDArray code. Inputs are the real entries of one row only (padding removed).
 */
final class ReferenceLosses {
    private ReferenceLosses() {
    }

    static double softmaxCe(double[] s, double[] l) {
        double total = Arrays.stream(l).sum();
        double[] logp = logSoftmax(s);
        double loss = 0;
        for (int j = 0; j < s.length; j++) {
            loss -= l[j] / total * logp[j];
        }
        return loss;
    }

    static double sampledSoftmax(double[] s, double[] l, double[] logQ) {
        double[] corrected = new double[s.length];
        for (int j = 0; j < s.length; j++) {
            corrected[j] = s[j] - logQ[j];
        }
        return softmaxCe(corrected, l);
    }

    static double bpr(double[] s, double[] l) {
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (l[i] > 0 && l[j] == 0) {
                    sum += Math.log1p(Math.exp(-(s[i] - s[j])));
                    pairs++;
                }
            }
        }
        return sum / pairs;
    }

    /** RankNet: -log sigmoid(s_i - s_j) averaged over the pairs whose labels put i above j. */
    static double pairwisePl(double[] s, double[] l) {
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (l[i] > l[j]) {
                    sum += Math.log1p(Math.exp(-(s[i] - s[j])));
                    pairs++;
                }
            }
        }
        return sum / pairs;
    }

    static double bce(double[] s, double[] l) {
        double sum = 0;
        for (int j = 0; j < s.length; j++) {
            double sig = 1 / (1 + Math.exp(-s[j]));
            sum -= l[j] > 0 ? Math.log(sig) : Math.log(1 - sig);
        }
        return sum / s.length;
    }

    static double listNet(double[] s, double[] l) {
        double[] p = softmax(l);
        double[] logq = logSoftmax(s);
        double loss = 0;
        for (int j = 0; j < s.length; j++) {
            loss -= p[j] * logq[j];
        }
        return loss;
    }

    static double listMle(double[] s, double[] l) {
        int[] order = byDescending(l);
        double loss = 0;
        for (int i = 0; i < order.length; i++) {
            double tail = 0;
            for (int j = i; j < order.length; j++) {
                tail += Math.exp(s[order[j]]);
            }
            loss += Math.log(tail) - s[order[i]];
        }
        return loss;
    }

    static double lambdaLoss(double[] s, double[] l) {
        int[] rank = ranks(s);
        double idcg = idcg(l);
        double loss = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (l[i] > l[j]) {
                    double delta = Math.abs(gain(l[i]) - gain(l[j]))
                            * Math.abs(1 / log2(1 + rank[i]) - 1 / log2(1 + rank[j])) / idcg;
                    loss += delta * Math.log1p(Math.exp(-(s[i] - s[j])));
                }
            }
        }
        return loss;
    }

    static double approxNdcg(double[] s, double[] l, double temperature) {
        double dcg = 0;
        for (int i = 0; i < s.length; i++) {
            double rank = 1;
            for (int j = 0; j < s.length; j++) {
                if (j != i) {
                    rank += 1 / (1 + Math.exp(-(s[j] - s[i]) / temperature));
                }
            }
            dcg += gain(l[i]) / log2(1 + rank);
        }
        return 1 - dcg / idcg(l);
    }

    static double marginRank(double[] s, double[] l, double margin, int p) {
        int[] order = byDescending(l);
        int k = (int) Arrays.stream(l).filter(x -> x > 0).count();
        double rankSum = 0;
        int rankPairs = 0;
        for (int r = 0; r + p < k; r++) {
            rankSum += Math.max(0, margin - (s[order[r]] - s[order[r + p]]));
            rankPairs++;
        }
        double negSum = 0;
        int negPairs = 0;
        for (int i = 0; i < k; i++) {
            for (int j = k; j < order.length; j++) {
                negSum += Math.max(0, margin - (s[order[i]] - s[order[j]]));
                negPairs++;
            }
        }
        return (rankPairs == 0 ? 0 : rankSum / rankPairs) + (negPairs == 0 ? 0 : negSum / negPairs);
    }

    static double rankingDistillation(double[] s, double[] l, RankingDistillation.PositionWeight weighting,
                                      double lambda, boolean dynamic, double mu) {
        int[] order = byDescending(l);
        int[] studentRank = ranks(s);
        double[] wa = new double[order.length];
        double[] wb = new double[order.length];
        for (int pos = 0; pos < order.length; pos++) {
            if (l[order[pos]] <= 0) {
                continue;
            }
            int r = pos + 1;
            wa[pos] = switch (weighting) {
                case INVERSE -> 1.0 / r;
                case EXPONENTIAL -> Math.exp(-r / lambda);
                case UNIFORM -> 1.0;
            };
            wb[pos] = Math.tanh(Math.max(mu * (studentRank[order[pos]] - r), 0));
        }
        double[] w = wa;
        if (dynamic) {
            double sa = Arrays.stream(wa).sum();
            double sb = Math.max(Arrays.stream(wb).sum(), 1e-12);
            w = new double[order.length];
            for (int pos = 0; pos < order.length; pos++) {
                w[pos] = (wa[pos] / sa + wb[pos] / sb) / 2;
            }
        }
        double num = 0;
        for (int pos = 0; pos < order.length; pos++) {
            num -= w[pos] * Math.log(1 / (1 + Math.exp(-s[order[pos]])));
        }
        return num / Arrays.stream(w).sum();
    }

    static double hintonKd(double[] s, double[] t, double temperature) {
        return temperature * temperature * weightedKl(s, t, temperature, null);
    }

    static double rankWeightedKl(double[] s, double[] t, double temperature) {
        int[] rank = ranks(t);
        double[] w = new double[s.length];
        double total = 0;
        for (int i = 0; i < s.length; i++) {
            w[i] = 1.0 / rank[i];
            total += w[i];
        }
        for (int i = 0; i < s.length; i++) {
            w[i] = w[i] * s.length / total;
        }
        return temperature * temperature * weightedKl(s, t, temperature, w);
    }

    private static double weightedKl(double[] s, double[] t, double temperature, double[] weights) {
        double[] scaledS = Arrays.stream(s).map(x -> x / temperature).toArray();
        double[] scaledT = Arrays.stream(t).map(x -> x / temperature).toArray();
        double[] logp = logSoftmax(scaledT);
        double[] logq = logSoftmax(scaledS);
        double kl = 0;
        for (int i = 0; i < s.length; i++) {
            kl += (weights == null ? 1 : weights[i]) * Math.exp(logp[i]) * (logp[i] - logq[i]);
        }
        return kl;
    }

    static double[] logSoftmax(double[] x) {
        double max = Arrays.stream(x).max().orElse(0);
        double logZ = Math.log(Arrays.stream(x).map(v -> Math.exp(v - max)).sum()) + max;
        return Arrays.stream(x).map(v -> v - logZ).toArray();
    }

    static double[] softmax(double[] x) {
        return Arrays.stream(logSoftmax(x)).map(Math::exp).toArray();
    }

    /** Indices sorted by value, largest first. */
    static int[] byDescending(double[] values) {
        return IntStream.range(0, values.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -values[i]))
                .mapToInt(Integer::intValue).toArray();
    }

    /** 1-based rank of each index by descending value. */
    static int[] ranks(double[] values) {
        int[] order = byDescending(values);
        int[] rank = new int[values.length];
        for (int pos = 0; pos < order.length; pos++) {
            rank[order[pos]] = pos + 1;
        }
        return rank;
    }

    static double idcg(double[] l) {
        double[] sorted = Arrays.stream(l).boxed().sorted(Comparator.reverseOrder()).mapToDouble(d -> d).toArray();
        double idcg = 0;
        for (int i = 0; i < sorted.length; i++) {
            idcg += gain(sorted[i]) / log2(i + 2);
        }
        return idcg;
    }

    static double gain(double label) {
        return Math.pow(2, label) - 1;
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
