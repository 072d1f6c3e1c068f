package dev.rankforge.bench;

import dev.rankforge.core.model.BlackBox;
import dev.rankforge.core.data.SequenceDataset;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The extraction paper's ML-1M experiment on a CPU: train a victim, extract it through its black-box answers
 * (ranked ids only, history excluded) with data-free queries (autoregressive and/or random), distil surrogates of
 * the victim's architecture with one or more losses from the same query set, and record victim metrics and
 * surrogate agreement on the test users beside the paper's figures. One entry per architecture and generator, so
 * runs for NARM, SASRec and BERT4Rec add up in one file.
 */
@Command(name = "extraction-ml1m", mixinStandardHelpOptions = true,
        description = "Extract a victim trained on ML-1M; write bench/results/extraction-ml1m.json.")
final class ExtractionMl1mBenchmark implements Callable<Integer> {
    /** Yue et al. (RecSys 2021), ML-1M, autoregressive queries at 5,000 × 200, k = 100; NARM random: Agr@10 .605. */
    private static final Map<String, Map<String, Double>> PAPER = Map.of(
            "narm", Map.of("victim ndcg@10 (uniform-100)", 0.625, "agreement@1", 0.571, "agreement@10", 0.747,
                    "agreement@10 (random queries)", 0.605),
            "sasrec", Map.of("victim ndcg@10 (uniform-100)", 0.625, "agreement@1", 0.454, "agreement@10", 0.662),
            "bert4rec", Map.of("victim ndcg@10 (uniform-100)", 0.602, "agreement@1", 0.339, "agreement@10", 0.593));

    @Option(names = "--data", defaultValue = "../shared/data/ml-1m/ml-1m.pairs.txt")
    Path data;

    @Option(names = "--architecture", defaultValue = "narm",
            description = "Victim architecture: narm, sasrec, bert4rec (the paper's), or two-tower.")
    String architecture;

    @Option(names = "--surrogate-architecture",
            description = "Surrogate architecture (default: the victim's; a two-tower victim wants a sequential one).")
    String surrogateArchitecture;

    @Option(names = "--victim-objective", description = "Training objective of the victim (e.g. prefixes-ce for "
            + "NARM, next-item-ce for SASRec); the architecture's own when absent.")
    String victimObjective;

    @Option(names = "--victim-from", description = "A model kept by the ml1m bench (bench/work/ml1m/<entry>.rfmd, its "
            + "facts beside it) to extract instead of training a victim here.")
    Path victimFrom;

    @Option(names = "--victim-epochs", defaultValue = "15")
    int victimEpochs;

    @Option(names = "--victim-minutes", defaultValue = "0",
            description = "Wall-clock budget of the victim's training: no epoch starts after it (0 = epochs only).")
    long victimMinutes;

    @Option(names = "--generators", split = ",", defaultValue = "autoregressive",
            description = "Query generators, each at the same budget: autoregressive, random.")
    List<String> generators;

    @Option(names = "--sequences", defaultValue = "5000", description = "Query budget in generated sequences.")
    int sequences;

    @Option(names = "--length", defaultValue = "200", description = "Items (= queries) per generated sequence.")
    int length;

    @Option(names = "--top-k", defaultValue = "100")
    int topK;

    @Option(names = "--losses", split = ",", defaultValue = "margin-rank")
    List<String> losses;

    @Option(names = "--student-epochs", defaultValue = "8")
    int studentEpochs;

    @Option(names = "--student-minutes", defaultValue = "0",
            description = "Wall-clock budget of each surrogate's training (0 = epochs only).")
    long studentMinutes;

    @Option(names = "--student-max-length", defaultValue = "200")
    int studentMaxLength;

    @Option(names = "--prefixes-per-sequence", defaultValue = "4",
            description = "Distillation examples drawn from each generated sequence per epoch (one pass each).")
    int prefixesPerSequence;

    @Option(names = "--student-one-pass", description = "Train many prefixes from one pass of a causal surrogate "
            + "(narm, sasrec, gru4rec, two-tower): every prefix of every sequence once an epoch. Entries and files get "
            + "a -one-pass suffix.")
    boolean studentOnePass;

    @Option(names = "--student-batch-size", defaultValue = "128",
            description = "Rows per surrogate training batch (one-pass: fewer rows take more prefixes each).")
    int studentBatchSize;

    @Option(names = "--student-suffix", description = "Appended to each surrogate's entry and file name "
            + "(<loss>[-one-pass]-<suffix>), so that a variant of the settings is recorded beside the others.")
    String studentSuffix;

    @Option(names = "--negatives", defaultValue = "100")
    int negatives;

    @Option(names = "--output", defaultValue = "bench/results/extraction-ml1m.json")
    Path output;

    @Option(names = "--work-dir", defaultValue = "bench/work/extraction-ml1m",
            description = "Keeps per architecture the victim, each query set and each surrogate, so a rerun with other "
                    + "losses trains no victim and spends no queries (delete it to start over).")
    Path workDir;

    private final Map<String, Object> result = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        if (!PAPER.containsKey(architecture) && !architecture.equals(Architectures.TWO_TOWER)) {
            throw new IllegalArgumentException("--architecture must be one of " + PAPER.keySet() + " or "
                    + Architectures.TWO_TOWER);
        }
        if (surrogateArchitecture == null) {
            surrogateArchitecture = architecture;
        }
        SequenceDataset dataset = Results.readPairs(data);
        result.putAll(Results.header("extraction-ml1m"));
        result.put("paper", PAPER);
        Map<String, Object> victims = new LinkedHashMap<>(Results.previousEntries(output, "victims"));
        Map<String, Object> extractions = new LinkedHashMap<>(Results.previousEntries(output, "extractions"));
        result.put("victims", victims);
        result.put("extractions", extractions);
        Path dir = workDir.resolve(architecture);
        Files.createDirectories(dir);
        try (ScoringModel victim = trainOrLoadVictim(dataset, dir, victims, extractions)) {
            BlackBox blackBox = victim.asBlackBox();
            List<int[]> testHistories = new ArrayList<>();
            for (int u = 0; u < dataset.numUsers(); u++) {
                testHistories.add(dataset.testHistory(u));
            }
            for (String generator : generators) {
                String key = extractionKey(architecture, surrogateArchitecture, generator);
                // surrogates an earlier run recorded from the query set this run reuses stay beside this run's
                Map<String, Object> surrogates = Files.exists(queryFile(dir, generator))
                        ? earlierSurrogates(extractions.get(key)) : new LinkedHashMap<>();
                Map<String, Object> extraction = new LinkedHashMap<>();
                extractions.put(key, extraction);
                QuerySet queries = queriesFor(generator, dataset.numItems(), blackBox, dir, extraction);
                extraction.put("surrogates", surrogates);
                for (String loss : losses) {
                    String variant = (studentOnePass ? loss + "-one-pass" : loss)
                            + (studentSuffix == null ? "" : "-" + studentSuffix);
                    surrogates.put(variant, distil(dataset.numItems(), queries, loss, blackBox, testHistories,
                            dir.resolve(surrogateFile(surrogateArchitecture.equals(architecture) ? null
                                    : surrogateArchitecture, generator, variant))));
                    write();
                }
                extraction.put("winner", surrogates.entrySet().stream()
                        .max((a, b) -> Double.compare(agreement10(a.getValue()), agreement10(b.getValue())))
                        .map(Map.Entry::getKey).orElse(""));
                write();
            }
        }
        System.out.println("wrote " + output);
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> earlierSurrogates(Object earlierExtraction) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (earlierExtraction instanceof Map<?, ?> entry && entry.get("surrogates") instanceof Map<?, ?> earlier) {
            out.putAll((Map<String, Object>) earlier);
        }
        return out;
    }

    /** An extraction's entry: victim/generator, and /surrogate architecture when that is not the victim's. */
    static String extractionKey(String victim, String surrogate, String generator) {
        return victim + "/" + generator + (surrogate.equals(victim) ? "" : "/" + surrogate);
    }

    /**
     * Where a surrogate is kept: named by its generator and loss, and by its architecture when that is not the
     * victim's ({@code otherArchitecture} null otherwise).
     */
    static String surrogateFile(String otherArchitecture, String generator, String loss) {
        return "surrogate-" + (otherArchitecture == null ? "" : otherArchitecture + "-") + generator + "-" + loss
                + ".rfmd";
    }

    private ScoringModel trainOrLoadVictim(SequenceDataset dataset, Path dir, Map<String, Object> victims,
                                           Map<String, Object> extractions) throws IOException {
        Path file = dir.resolve("victim.rfmd");
        Path facts = dir.resolve("victim.json");
        Map<String, Object> kept = Files.exists(file) && Files.exists(facts) ? Results.read(facts) : null;
        if (victimFrom != null && (kept == null || !adoptedFrom().equals(kept.get("trainedBy")))) {
            return adoptVictim(dataset, dir, file, facts, victims, extractions);
        }
        if (kept != null) {
            System.out.println("reusing the victim in " + file);
            victims.put(architecture, kept);
            try (InputStream in = Files.newInputStream(file)) {
                return ModelArtifact.read(in);
            }
        }
        ModelSpec spec = ModelSpec.paperPreset(architecture, dataset.numItems(), 200);
        TrainConfig config = new TrainConfig(victimEpochs, 128, 1e-3f, 0f, 5f, 15, 1000, 42L, "cpu")
                .withMaxSeconds(victimMinutes * 60);
        long started = System.nanoTime();
        var trained = new SequenceTrainer(config, victimObjective).train(spec, dataset, report -> System.out.printf(
                "victim epoch %d/%d loss %.4f val ndcg@10 %.4f%n", report.epoch(), report.epochs(), report.loss(),
                report.selectionValue()), () -> false);
        ScoringModel victim = trained.model();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("spec", spec);
        entry.put("objective", victimObjective == null ? "the architecture's own" : victimObjective);
        entry.put("epochBudget", victimEpochs);
        entry.put("minutesBudget", victimMinutes);
        entry.put("trainingMinutes", (System.nanoTime() - started) / 6e10);
        entry.put("bestEpoch", trained.bestEpoch());
        entry.put("test", RankingEvaluator.evaluate(dataset, victim, Split.TEST,
                List.of(EvaluationProtocol.fullRanking(), EvaluationProtocol.uniformNegatives(100)), 0, 7L, 10));
        try (OutputStream out = Files.newOutputStream(file)) {
            victim.save(out);
        }
        Results.write(facts, entry);
        victims.put(architecture, entry);
        write();
        return victim;
    }

    /** Names the adopted model by its file and the time it was saved, so a model the ml1m bench saved again differs. */
    private String adoptedFrom() throws IOException {
        Path from = victimFrom.toAbsolutePath().normalize();
        return "bench/run ml1m (" + from + ", saved " + Files.getLastModifiedTime(from) + ")";
    }

    /**
     * Takes the ml1m bench's model {@link #victimFrom} (and its facts) as this architecture's victim; query sets,
     * surrogates and recorded extractions of an earlier victim are deleted, as they answer for another model.
     */
    private ScoringModel adoptVictim(SequenceDataset dataset, Path dir, Path file, Path facts,
                                     Map<String, Object> victims, Map<String, Object> extractions) throws IOException {
        if (victimFrom.toAbsolutePath().normalize().startsWith(dir.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--victim-from must be a model the ml1m bench kept, not one in " + dir);
        }
        Map<String, Object> entry = new LinkedHashMap<>(Results.read(Ml1mBenchmark.factsOf(victimFrom)));
        ScoringModel victim;
        try (InputStream in = Files.newInputStream(victimFrom)) {
            victim = ModelArtifact.read(in);
        }
        if (!victim.spec().architecture().equals(architecture) || victim.spec().numItems() != dataset.numItems()) {
            victim.close();
            throw new IllegalArgumentException("--victim-from holds a " + victim.spec().architecture() + " model of "
                    + victim.spec().numItems() + " items, not an --architecture " + architecture + " model of the "
                    + dataset.numItems() + " items in --data");
        }
        entry.put("trainedBy", adoptedFrom());
        try (var stale = Files.list(dir)) {
            for (Path p : stale.filter(p -> p.getFileName().toString().matches("(queries|surrogate|clean-retrain)-.*"))
                    .toList()) {
                Files.delete(p);
            }
        }
        extractions.keySet().removeIf(key -> key.startsWith(architecture + "/"));
        Files.copy(victimFrom, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Results.write(facts, entry);
        victims.put(architecture, entry);
        write();
        System.out.println("extracting the ml1m bench's model " + victimFrom);
        return victim;
    }

    private static Path queryFile(Path dir, String generator) {
        return dir.resolve("queries-" + generator + ".rfqs");
    }

    private QuerySet queriesFor(String generator, int numItems, BlackBox blackBox, Path dir,
                                Map<String, Object> extraction) throws IOException {
        Path file = queryFile(dir, generator);
        QueryGenerator.Strategy strategy = QueryGenerator.Strategy.valueOf(generator.toUpperCase(Locale.ROOT));
        QuerySet queries;
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                queries = QuerySet.read(in);
            }
            extraction.put("queryMinutes", Results.read(dir.resolve("queries-" + generator + ".json"))
                    .get("queryMinutes"));
            System.out.println("reusing " + file + ": no queries spent in this run");
        } else {
            long started = System.nanoTime();
            queries = QueryGenerator.generate(new QueryGenerator.Spec(strategy, sequences, length, topK, 42L, 500),
                    numItems, blackBox, spent -> {
                        if (spent % 50_000 == 0) {
                            System.out.printf("%s queries answered: %d (%.1f min)%n", generator, spent,
                                    (System.nanoTime() - started) / 6e10);
                        }
                    }, () -> false);
            try (OutputStream out = Files.newOutputStream(file)) {
                queries.write(out);
            }
            double minutes = (System.nanoTime() - started) / 6e10;
            Results.write(dir.resolve("queries-" + generator + ".json"), Map.of("queryMinutes", minutes));
            extraction.put("queryMinutes", minutes);
        }
        extraction.put("queries", Map.of("generator", generator, "sequences", queries.size(),
                "length", queries.sequence(0).length, "topK", queries.listLength(),
                "queriesSpent", queries.queriesSpent(), "answerMegabytesInMemory", queries.answerBytes() / 1e6));
        write();
        return queries;
    }

    private Map<String, Object> distil(int numItems, QuerySet queries, String loss, BlackBox blackBox,
                                       List<int[]> testHistories, Path file) throws IOException {
        ModelSpec studentSpec = ModelSpec.paperPreset(surrogateArchitecture, numItems, studentMaxLength);
        long started = System.nanoTime();
        List<Map<String, Object>> curve = new ArrayList<>();
        TrainConfig config = new TrainConfig(studentEpochs, studentBatchSize, 1e-3f, 0f, 5f, studentEpochs, 0, 42L,
                "cpu")
                .withMaxSeconds(studentMinutes * 60);
        try (ScoringModel surrogate = new ListDistillation(config).train(studentSpec, queries,
                new ListDistillation.Settings(loss, negatives, prefixesPerSequence, studentOnePass), report -> {
                    curve.add(Map.of("epoch", report.epoch(), "loss", report.loss(),
                            "minutes", (System.nanoTime() - started) / 6e10, "validation", report.validation()));
                    System.out.printf("%s epoch %d/%d loss %.4f held-out agreement@10 %.4f%n", loss,
                            report.epoch(), report.epochs(), report.loss(), report.selectionValue());
                }, () -> false, Checkpointing.NONE).model()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("spec", studentSpec);
            entry.put("settings", studentOnePass
                    ? Map.of("epochs", studentEpochs, "minutesBudget", studentMinutes, "onePass", true,
                            "batchSize", studentBatchSize, "negatives", negatives)
                    : Map.of("epochs", studentEpochs, "minutesBudget", studentMinutes, "batchSize", studentBatchSize,
                            "prefixesPerSequence", prefixesPerSequence, "negatives", negatives));
            entry.put("trainingMinutes", (System.nanoTime() - started) / 6e10);
            entry.put("curve", curve);
            entry.put("testUsers", Fidelity.measure(blackBox, surrogate, testHistories));
            // The attack bench (attack-ml1m) attacks this victim through these surrogates.
            try (OutputStream out = Files.newOutputStream(file)) {
                surrogate.save(out);
            }
            return entry;
        }
    }

    private void write() {
        try {
            Results.write(output, result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static double agreement10(Object entry) {
        return ((Map<String, Double>) ((Map<String, Object>) entry).get("testUsers")).get("agreement@10");
    }
}
