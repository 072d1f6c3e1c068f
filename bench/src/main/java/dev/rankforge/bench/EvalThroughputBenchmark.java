package dev.rankforge.bench;

import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SyntheticGenerator;
import dev.rankforge.core.data.SyntheticSpec;
import dev.rankforge.core.metrics.EvaluationProtocol;
import dev.rankforge.core.metrics.PopularityScorer;
import dev.rankforge.core.metrics.RankingEvaluator;
import dev.rankforge.core.metrics.Scorer;
import dev.rankforge.core.metrics.Split;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.train.SequenceTrainer;
import dev.rankforge.core.train.TrainConfig;
import dev.rankforge.core.train.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Full-ranking evaluation speed on ML-1M-sized generated data (6,040 users, 3,416 items): users/s for
 * each model's scoring plus ranking, and for the ranking alone (popularity scorer).
 */
@Command(name = "eval-throughput", mixinStandardHelpOptions = true,
        description = "Full-ranking evaluation speed (users/s) on ML-1M-sized data.")
final class EvalThroughputBenchmark implements Callable<Integer> {
    @Option(names = "--models", split = ",", defaultValue = "gru4rec,narm,sasrec,bert4rec")
    List<String> models;

    @Option(names = "--max-length", defaultValue = "200")
    int maxLength;

    @Option(names = "--output", defaultValue = "bench/results/eval-throughput.json")
    Path output;

    @Override
    public Integer call() throws Exception {
        SequenceDataset data = SyntheticGenerator.generate(new SyntheticSpec(6040, 3416, 165, 1.0, 0.5, 1));
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(measure("popularity (ranking only)", data, new PopularityScorer(data)));
        for (String architecture : models) {
            ModelSpec spec = ModelSpec.paperPreset(architecture, data.numItems(), maxLength);
            // One short epoch on a slice only initialises the weights; speed does not depend on their values.
            SequenceDataset slice = new SequenceDataset(data.numItems(),
                    java.util.stream.IntStream.range(0, 64).mapToObj(data::sequence).toArray(int[][]::new));
            try (ScoringModel model = new SequenceTrainer(new TrainConfig(1, 64, 1e-3f, 0f, 5f, 1, 8, 1, "cpu"))
                    .train(spec, slice, ProgressListener.NONE, () -> false).model()) {
                rows.add(measure(architecture, data, model));
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "eval-throughput");
        result.put("environment", Results.environment());
        result.put("data", Map.of("users", data.numUsers(), "items", data.numItems(), "maxLength", maxLength,
                "protocol", "full-ranking"));
        result.put("results", rows);
        Results.write(output, result);
        rows.forEach(System.out::println);
        return 0;
    }

    private static Map<String, Object> measure(String name, SequenceDataset data, Scorer scorer) {
        RankingEvaluator.evaluate(data, scorer, Split.TEST, EvaluationProtocol.fullRanking(), 256, 0, 10); // warm-up
        long started = System.nanoTime();
        RankingEvaluator.evaluate(data, scorer, Split.TEST, EvaluationProtocol.fullRanking(), 0, 0, 10);
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("model", name);
        row.put("users", data.numUsers());
        row.put("seconds", seconds);
        row.put("usersPerSecond", data.numUsers() / seconds);
        return row;
    }
}
