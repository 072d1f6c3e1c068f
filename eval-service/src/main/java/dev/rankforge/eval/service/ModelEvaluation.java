package dev.rankforge.eval.service;

import dev.rankforge.service.artifact.ArtifactStore;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SequenceFile;
import dev.rankforge.core.metrics.Agreement;
import dev.rankforge.core.metrics.EvaluationProtocol;
import dev.rankforge.core.metrics.PopularityScorer;
import dev.rankforge.core.metrics.RankingEvaluator;
import dev.rankforge.core.metrics.Scorer;
import dev.rankforge.core.metrics.Split;
import dev.rankforge.core.model.ModelArtifact;
import dev.rankforge.core.model.ScoringModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluation in this service's JVM: models read from the artifact store are ranked on a dataset's test split
 * under any of the three protocols, and pairs of models compared by the agreement of their top-K lists.
 */
@ApplicationScoped
public class ModelEvaluation {
    private static final Pattern SAMPLED = Pattern.compile("(uniform|popularity)-(\\d{1,5})");
    private final ArtifactStore artifacts;

    public ModelEvaluation(ArtifactStore artifacts) {
        this.artifacts = artifacts;
    }

    /** Why a protocol name is not one this service knows, or empty when it is. */
    public static Optional<String> checkProtocol(String name) {
        if ("full-ranking".equals(name) || (name != null && SAMPLED.matcher(name).matches())) {
            return Optional.empty();
        }
        return Optional.of("unknown protocol '" + name + "'; use full-ranking, uniform-N or popularity-N (e.g. uniform-100)");
    }

    public SequenceDataset dataset(String uri) throws IOException {
        try (InputStream in = artifacts.open(uri)) {
            return SequenceFile.read(in);
        }
    }

    public ScoringModel model(String uri, SequenceDataset data) throws IOException {
        ScoringModel model;
        try (InputStream in = artifacts.open(uri)) {
            model = ModelArtifact.read(in);
        }
        if (model.spec().numItems() != data.numItems()) {
            model.close();
            throw new IllegalArgumentException("model " + uri + " has " + model.spec().numItems()
                    + " items but the dataset has " + data.numItems());
        }
        return model;
    }

    /** protocol name → {@code metric@k} → value on the test split of the first {@code maxUsers} users. */
    public Map<String, Map<String, Double>> rank(SequenceDataset data, Scorer scorer, List<String> protocols,
                                                 int maxUsers, long seed, int[] ks) {
        List<EvaluationProtocol> resolved = protocols.stream().map(p -> protocol(p, data)).toList();
        return RankingEvaluator.evaluate(data, scorer, Split.TEST, resolved, maxUsers, seed, ks);
    }

    public Map<String, Map<String, Double>> popularity(SequenceDataset data, List<String> protocols, int maxUsers,
                                                       long seed, int[] ks) {
        return rank(data, new PopularityScorer(data), protocols, maxUsers, seed, ks);
    }

    /** Agreement@K and EM@K between two models' top-K lists (history excluded) on the test histories. */
    public Map<String, Double> fidelity(SequenceDataset data, ScoringModel a, ScoringModel b, int maxUsers, int[] ks) {
        int users = maxUsers <= 0 ? data.numUsers() : Math.min(maxUsers, data.numUsers());
        int maxK = java.util.Arrays.stream(ks).max().orElse(10);
        List<int[]> listsA = new ArrayList<>();
        List<int[]> listsB = new ArrayList<>();
        for (int start = 0; start < users; start += 256) {
            int end = Math.min(users, start + 256);
            int[][] histories = new int[end - start][];
            for (int u = start; u < end; u++) {
                histories[u - start] = Split.TEST.history(data, u);
            }
            listsA.addAll(List.of(a.recommend(histories, histories, maxK)));
            listsB.addAll(List.of(b.recommend(histories, histories, maxK)));
        }
        return new LinkedHashMap<>(Agreement.between(listsA, listsB, ks));
    }

    private static EvaluationProtocol protocol(String name, SequenceDataset data) {
        if ("full-ranking".equals(name)) {
            return EvaluationProtocol.fullRanking();
        }
        Matcher m = SAMPLED.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException(checkProtocol(name).orElseThrow());
        }
        int count = Integer.parseInt(m.group(2));
        return m.group(1).equals("uniform") ? EvaluationProtocol.uniformNegatives(count)
                : EvaluationProtocol.popularityNegatives(count, data.trainPopularity());
    }
}
