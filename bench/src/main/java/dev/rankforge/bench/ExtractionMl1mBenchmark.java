package dev.rankforge.bench;

import dev.rankforge.core.attack.BlackBox;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.UserItemPairsReader;
import dev.rankforge.core.extract.Fidelity;
import dev.rankforge.core.extract.ListDistillation;
import dev.rankforge.core.extract.QueryGenerator;
import dev.rankforge.core.extract.QuerySet;
import dev.rankforge.core.metrics.EvaluationProtocol;
import dev.rankforge.core.metrics.RankingEvaluator;
import dev.rankforge.core.metrics.Split;
import dev.rankforge.core.model.ModelArtifact;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.core.nn.Architectures;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.train.Checkpointing;
import dev.rankforge.core.train.SequenceTrainer;
import dev.rankforge.core.train.TrainConfig;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The extraction paper's NARM experiment on ML-1M at a CPU budget: train a NARM victim, extract it through its
 * black-box answers (ranked ids only, history excluded) with autoregressive data-free queries, distil NARM
 * surrogates with several losses from the same query set, and record victim metrics and surrogate agreement on
 * the test users beside the paper's figures.
 */
@Command(name = "extraction-ml1m", mixinStandardHelpOptions = true,
        description = "Extract a NARM victim trained on ML-1M; write bench/results/extraction-ml1m.json.")
final class ExtractionMl1mBenchmark implements Callable<Integer> {
    private static final Map<String, Double> PAPER = Map.of("victim ndcg@10 (uniform-100)", 0.625,
            "victim recall@10 (uniform-100)", 0.820, "agreement@1", 0.571, "agreement@10", 0.747);

    @Option(names = "--data", defaultValue = "../shared/data/ml-1m/ml-1m.pairs.txt")
    Path data;

    @Option(names = "--victim-epochs", defaultValue = "15")
    int victimEpochs;

    @Option(names = "--sequences", defaultValue = "5000", description = "Query budget in generated sequences.")
    int sequences;

    @Option(names = "--length", defaultValue = "50", description = "Items (= queries) per generated sequence.")
    int length;

    @Option(names = "--top-k", defaultValue = "100")
    int topK;

    @Option(names = "--losses", split = ",", defaultValue = "margin-rank,ranking-distillation")
    List<String> losses;

    @Option(names = "--student-epochs", defaultValue = "8")
    int studentEpochs;

    @Option(names = "--student-max-length", defaultValue = "50")
    int studentMaxLength;

    @Option(names = "--negatives", defaultValue = "100")
    int negatives;

    @Option(names = "--output", defaultValue = "bench/results/extraction-ml1m.json")
    Path output;

    @Option(names = "--work-dir", defaultValue = "bench/work/extraction-ml1m",
            description = "Keeps the victim, the query set and each surrogate, so a rerun with other losses trains no victim and "
                    + "spends no queries (delete it to start over).")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        SequenceDataset dataset;
        try (InputStream in = Files.newInputStream(data)) {
            dataset = UserItemPairsReader.read(in);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "extraction-ml1m");
        result.put("environment", Results.environment());
        result.put("paperNarm", PAPER);
        ModelSpec victimSpec = ModelSpec.paperPreset(Architectures.NARM, dataset.numItems(), 200);
        Files.createDirectories(workDir);
        Path victimFile = workDir.resolve("victim.rfmd");
        Path queryFile = workDir.resolve("queries.rfqs");
        Path victimFacts = workDir.resolve("victim.json");
        long started = System.nanoTime();
        try (ScoringModel victim = trainOrLoadVictim(victimSpec, dataset, victimFile)) {
            Map<String, Object> victimEntry = new LinkedHashMap<>();
            victimEntry.put("spec", victimSpec);
            victimEntry.put("epochs", victimEpochs);
            if (Files.exists(victimFacts)) {
                victimEntry.put("trainingMinutes", Results.read(victimFacts).get("trainingMinutes"));
            } else {
                victimEntry.put("trainingMinutes", (System.nanoTime() - started) / 6e10);
                Results.write(victimFacts, Map.of("trainingMinutes", victimEntry.get("trainingMinutes")));
            }
            victimEntry.put("test", RankingEvaluator.evaluate(dataset, victim, Split.TEST,
                    List.of(EvaluationProtocol.fullRanking(), EvaluationProtocol.uniformNegatives(100)), 0, 7L, 10));
            result.put("victim", victimEntry);
            Results.write(output, result);
            BlackBox blackBox = victim.asBlackBox();
            started = System.nanoTime();
            QuerySet queries;
            if (Files.exists(queryFile)) {
                try (InputStream in = Files.newInputStream(queryFile)) {
                    queries = QuerySet.read(in);
                }
                System.out.println("reusing " + queryFile + ": no queries spent in this run");
            } else {
                queries = QueryGenerator.generate(new QueryGenerator.Spec(QueryGenerator.Strategy.AUTOREGRESSIVE,
                        sequences, length, topK, 42L, 500), dataset.numItems(), blackBox, spent -> {
                            if (spent % 50_000 == 0) {
                                System.out.println("queries answered: " + spent);
                            }
                        }, () -> false);
                try (java.io.OutputStream out = Files.newOutputStream(queryFile)) {
                    queries.write(out);
                }
                result.put("queryMinutes", (System.nanoTime() - started) / 6e10);
            }
            result.put("queries", Map.of("generator", "autoregressive", "sequences", queries.size(),
                    "length", queries.sequence(0).length, "topK", queries.listLength(),
                    "queriesSpent", queries.queriesSpent()));
            List<int[]> testHistories = new ArrayList<>();
            for (int u = 0; u < dataset.numUsers(); u++) {
                testHistories.add(dataset.testHistory(u));
            }
            Map<String, Object> surrogates = new LinkedHashMap<>(Results.previousEntries(output, "surrogates"));
            result.put("surrogates", surrogates);
            for (String loss : losses) {
                ModelSpec studentSpec = ModelSpec.paperPreset(Architectures.NARM, dataset.numItems(), studentMaxLength);
                started = System.nanoTime();
                List<Map<String, Object>> curve = new ArrayList<>();
                try (ScoringModel surrogate = new ListDistillation(new TrainConfig(studentEpochs, 128, 1e-3f, 0f, 5f,
                        studentEpochs, 0, 42L, "cpu")).train(studentSpec, queries,
                        new ListDistillation.Settings(loss, negatives, 4), report -> {
                            curve.add(Map.of("epoch", report.epoch(), "loss", report.loss(),
                                    "validation", report.validation()));
                            System.out.printf("%s epoch %d/%d loss %.4f held-out agreement@10 %.4f%n", loss,
                                    report.epoch(), report.epochs(), report.loss(), report.selectionValue());
                        }, () -> false, Checkpointing.NONE).model()) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("spec", studentSpec);
                    entry.put("trainingMinutes", (System.nanoTime() - started) / 6e10);
                    entry.put("curve", curve);
                    entry.put("testUsers", Fidelity.measure(blackBox, surrogate, testHistories));
                    surrogates.put(loss, entry);
                    // The attack bench (attack-ml1m) attacks this victim through these surrogates.
                    try (java.io.OutputStream out = Files.newOutputStream(workDir.resolve("surrogate-" + loss + ".rfmd"))) {
                        surrogate.save(out);
                    }
                }
                Results.write(output, result);
            }
            String best = surrogates.entrySet().stream().max((a, b) -> Double.compare(agreement10(a.getValue()),
                    agreement10(b.getValue()))).map(Map.Entry::getKey).orElse("");
            result.put("winner", best);
            Results.write(output, result);
            System.out.println("wrote " + output + "; best loss by test agreement@10: " + best);
        }
        return 0;
    }

    private ScoringModel trainOrLoadVictim(ModelSpec spec, SequenceDataset dataset, Path file) throws Exception {
        if (Files.exists(file)) {
            System.out.println("reusing the victim in " + file);
            try (InputStream in = Files.newInputStream(file)) {
                return ModelArtifact.read(in);
            }
        }
        ScoringModel victim = new SequenceTrainer(new TrainConfig(victimEpochs, 128, 1e-3f, 0f, 5f, 10, 1000, 42L,
                "cpu")).train(spec, dataset, report -> System.out.printf("victim epoch %d/%d loss %.4f val ndcg@10 "
                        + "%.4f%n", report.epoch(), report.epochs(), report.loss(), report.selectionValue()),
                () -> false).model();
        try (java.io.OutputStream out = Files.newOutputStream(file)) {
            victim.save(out);
        }
        return victim;
    }

    @SuppressWarnings("unchecked")
    private static double agreement10(Object entry) {
        return ((Map<String, Double>) ((Map<String, Object>) entry).get("testUsers")).get("agreement@10");
    }
}
