package dev.rankforge.bench;

import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.extract.Fidelity;
import dev.rankforge.core.extract.ListDistillation;
import dev.rankforge.core.extract.TeacherLists;
import dev.rankforge.core.metrics.EvaluationProtocol;
import dev.rankforge.core.metrics.RankingEvaluator;
import dev.rankforge.core.metrics.Split;
import dev.rankforge.core.model.ItemIndex;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.core.nn.Architectures;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.nn.Objective;
import dev.rankforge.core.train.Checkpointing;
import dev.rankforge.core.train.SequenceTrainer;
import dev.rankforge.core.train.TrainConfig;
import dev.rankforge.core.train.TrainingResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The two-tower retriever on MovieLens-1M: trained with in-batch negatives with and without the log-Q correction
 * (full-ranking NDCG@10, Recall@10 and @100, the popularity of what it recommends, minutes); served from its item
 * index (ANN recall@100 against exact scoring, build time, in-process latency of both); and distilled from a SASRec
 * ranker as a pre-ranker (cascade recall: the ranker's top-10 inside the student's top-100 / top-200); attacked
 * (a sequential surrogate extracted from its answers, then profile pollution through that surrogate).
 */
@Command(name = "two-tower-ml1m", mixinStandardHelpOptions = true,
        description = "Two-tower retrieval on ML-1M; write bench/results/two-tower-ml1m.json.")
final class TwoTowerMl1mBenchmark implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "../shared/data/ml-1m/ml-1m.pairs.txt")
    Path data;

    @Option(names = "--tower", defaultValue = "mean", description = "User tower: mean, gru or self-attention.")
    String tower;

    @Option(names = "--max-length", defaultValue = "200")
    int maxLength;

    @Option(names = "--minutes", defaultValue = "10", description = "Training budget of each two-tower model.")
    long minutes;

    @Option(names = "--teacher-minutes", defaultValue = "10", description = "Training budget of the SASRec ranker.")
    long teacherMinutes;

    @Option(names = "--distil-minutes", defaultValue = "10", description = "Training budget of the distilled student.")
    long distilMinutes;

    @Option(names = "--distil-loss", defaultValue = "hinton-kd",
            description = "Listwise loss over the ranker's top-k (hinton-kd: KL with temperature).")
    String distilLoss;

    @Option(names = "--list-length", defaultValue = "100", description = "Teacher list length k.")
    int listLength;

    @Option(names = "--latency-queries", defaultValue = "300", description = "Single-history queries timed.")
    int latencyQueries;

    @Option(names = "--scale-items", defaultValue = "100000",
            description = "Catalogue of an untrained two-tower model on which the index is timed again (0: skip).")
    int scaleItems;

    @Option(names = "--attack-surrogate", defaultValue = "sasrec",
            description = "Architecture of the sequential surrogate extracted from the two-tower victim.")
    String attackSurrogate;

    @Option(names = "--attack-sequences", defaultValue = "5000",
            description = "Autoregressive query sequences of length 200 spent on the extraction (paper: 5,000).")
    int attackSequences;

    @Option(names = "--surrogate-minutes", defaultValue = "20", description = "Training budget of the surrogate.")
    long surrogateMinutes;

    @Option(names = "--choosers", defaultValue = "random,popular,co-visitation,gradient",
            description = "Profile-pollution choosers run against the two-tower victim.")
    String choosers;

    @Option(names = "--attack-work-dir", defaultValue = "bench/work/two-tower-ml1m",
            description = "Keeps the attacked victim, its query set and surrogate (delete it to start over).")
    Path attackWorkDir;

    @Option(names = "--parts", split = ",", defaultValue = "objectives,distillation,scale,attacks,serving",
            description = "What to run: objectives (with the index on the corrected model), distillation, scale, "
                    + "attacks, serving (copies the two-tower figures of --latency-file); the others keep their "
                    + "entries from the output file.")
    Set<String> parts;

    @Option(names = "--latency-file", defaultValue = "bench/results/blackbox-latency.json",
            description = "Where bench/run blackbox-latency --architecture two-tower wrote its figures.")
    Path latencyFile;

    @Option(names = "--output", defaultValue = "bench/results/two-tower-ml1m.json")
    Path output;

    private final Map<String, Object> result = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        SequenceDataset dataset = Results.readPairs(data);
        result.putAll(Results.header("two-tower-ml1m"));
        result.put("settings", Map.of("tower", tower, "maxLength", maxLength, "batchSize", 128,
                "learningRate", 1e-3, "note", "each part records its own budgets"));
        Map<String, Object> previous = java.nio.file.Files.exists(output) ? Results.read(output) : Map.of();
        for (String kept : List.of("objectives", "ann", "distillation", "annAtScale", "attacks", "serving")) {
            if (previous.containsKey(kept)) {
                result.put(kept, previous.get(kept));
            }
        }
        List<int[]> testHistories = new ArrayList<>();
        for (int u = 0; u < dataset.numUsers(); u++) {
            testHistories.add(dataset.testHistory(u));
        }
        ModelSpec spec = new ModelSpec(Architectures.TWO_TOWER, dataset.numItems(), 64, 64, maxLength, 2, 2, 0.1f,
                tower, null);
        if (parts.contains("objectives")) {
            objectives(dataset, spec, testHistories);
        }
        if (parts.contains("distillation")) {
            result.put("distillation", distillation(dataset, spec, testHistories));
            write();
        }
        if (parts.contains("scale") && scaleItems > 0) {
            result.put("annAtScale", annAtScale());
            write();
        }
        if (parts.contains("attacks")) {
            result.put("attacks", attacks());
            write();
        }
        Object latency = parts.contains("serving") && java.nio.file.Files.exists(latencyFile)
                ? Results.read(latencyFile).get("twoTower") : null;
        if (latency != null) {
            // the black-box API under load needs the whole stack: blackbox-latency measures it, this file keeps a copy
            result.put("serving", Map.of("source", latencyFile + " (twoTower)", "blackBoxLatency", latency));
            write();
        }
        System.out.println("wrote " + output);
        return 0;
    }

    /**
     * The ordinary extraction and attack benches against a two-tower victim (the paper's preset, trained for
     * {@code --minutes}): a sequential surrogate distilled from autoregressive queries at the paper's budget, then
     * profile pollution of the victim through that surrogate; their result files are copied in here.
     */
    private Map<String, Object> attacks() throws IOException {
        Path extractionFile = attackWorkDir.resolve("extraction.json");
        Path pollution = attackWorkDir.resolve("pollution.json");
        bench(new ExtractionMl1mBenchmark(), "--data", data, "--architecture", Architectures.TWO_TOWER,
                "--surrogate-architecture", attackSurrogate, "--victim-epochs", 1000, "--victim-minutes", minutes,
                "--sequences", attackSequences, "--length", 200, "--student-epochs", 1000, "--student-minutes",
                surrogateMinutes, "--work-dir", attackWorkDir, "--output", extractionFile);
        bench(new AttackMl1mBenchmark(), "--data", data, "--work-dir", attackWorkDir.resolve(Architectures.TWO_TOWER),
                "--surrogate-architecture", attackSurrogate, "--choosers", choosers, "--poisoning-choosers", "",
                "--output", pollution);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("settings", Map.of("surrogate", attackSurrogate, "querySequences",
                attackSequences, "queryLength", 200, "surrogateMinutes", surrogateMinutes, "choosers", choosers,
                "commands", "bench/run extraction-ml1m and attack-ml1m with these settings; their files are in "
                        + attackWorkDir));
        Map<String, Object> extracted = Results.read(extractionFile);
        out.put("victim", ((Map<?, ?>) extracted.get("victims")).get(Architectures.TWO_TOWER));
        Map<?, ?> extractions = (Map<?, ?>) extracted.get("extractions");
        Object extraction = extractions.get(ExtractionMl1mBenchmark.extractionKey(Architectures.TWO_TOWER,
                attackSurrogate, "autoregressive"));
        out.put("extraction", extraction != null ? extraction
                : extractions.get(Architectures.TWO_TOWER + "/autoregressive")); // as files before 7 December keyed it
        Map<String, Object> polluted = Results.read(pollution);
        out.put("pollutionSettings", polluted.get("settings"));
        out.put("pollution", polluted.get("pollution"));
        return out;
    }

    private static void bench(Callable<Integer> bench, Object... args) {
        String[] strings = Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
        int exit = new picocli.CommandLine(bench).execute(strings);
        if (exit != 0) {
            throw new IllegalStateException(bench.getClass().getSimpleName() + " failed with exit code " + exit);
        }
    }

    /** Log-Q on and off; then the corrected model served from its index against exact scoring. */
    private void objectives(SequenceDataset dataset, ModelSpec spec, List<int[]> testHistories) {
        Map<String, Object> objectives = new LinkedHashMap<>();
        result.put("objectives", objectives);
        ScoringModel corrected = null;
        for (Objective objective : List.of(Objective.IN_BATCH_SOFTMAX, Objective.IN_BATCH_SOFTMAX_UNCORRECTED)) {
            long started = System.nanoTime();
            TrainingResult trained = new SequenceTrainer(config(minutes), objective.label()).train(spec, dataset,
                    report -> System.out.printf("%s epoch %d loss %.4f val ndcg@10 %.4f%n", objective.label(),
                            report.epoch(), report.loss(), report.selectionValue()), () -> false);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("minutesBudget", minutes);
            entry.put("trainingMinutes", (System.nanoTime() - started) / 6e10);
            entry.put("bestEpoch", trained.bestEpoch());
            entry.put("test", RankingEvaluator.evaluate(dataset, trained.model(), Split.TEST,
                    EvaluationProtocol.fullRanking(), 0, 7L, 10, 100));
            entry.put("top10Popularity", top10Popularity(dataset, trained.model(), testHistories));
            objectives.put(objective.label(), entry);
            write();
            if (objective == Objective.IN_BATCH_SOFTMAX) {
                corrected = trained.model();
            } else {
                trained.model().close();
            }
        }
        try (ScoringModel model = corrected) {
            result.put("ann", ann(model, testHistories));
            write();
        }
    }

    private TrainConfig config(long budgetMinutes) {
        return new TrainConfig(1000, 128, 1e-3f, 0f, 5f, 15, 1000, 42L, "cpu").withMaxSeconds(budgetMinutes * 60);
    }

    /** The mean training popularity of the top-10 items against that of the test items (the log-Q effect). */
    private static Map<String, Double> top10Popularity(SequenceDataset dataset, ScoringModel model,
                                                       List<int[]> histories) {
        long[] popularity = dataset.trainPopularity();
        int[][] asked = histories.toArray(new int[0][]);
        int[][] top = model.recommend(asked, asked, 10);
        double recommended = 0;
        double truth = 0;
        for (int u = 0; u < top.length; u++) {
            for (int item : top[u]) {
                recommended += popularity[item] / 10.0;
            }
            truth += popularity[dataset.testItem(u)];
        }
        return Map.of("recommended", recommended / top.length, "testItems", truth / top.length);
    }

    /** The item index against exact scoring: recall@100, build time, single-query and batch latency. */
    private Map<String, Object> ann(ScoringModel model, List<int[]> histories) {
        int[][] asked = histories.toArray(new int[0][]);
        Map<String, Object> out = new LinkedHashMap<>();
        model.serveFrom(null);
        Map<String, Object> exactLatency = latency(model, asked);
        int[][] exact = model.recommend(asked, asked, 100);
        long started = System.nanoTime();
        ItemIndex index = model.buildIndex();
        out.put("buildSeconds", (System.nanoTime() - started) / 1e9);
        model.serveFrom(index);
        Map<String, Object> annLatency = latency(model, asked);
        int[][] approximate = model.recommend(asked, asked, 100);
        double recall = 0;
        for (int u = 0; u < exact.length; u++) {
            Set<Integer> found = new HashSet<>();
            Arrays.stream(approximate[u]).forEach(found::add);
            recall += Arrays.stream(exact[u]).filter(found::contains).count() / (double) exact[u].length;
        }
        out.put("recall@100", recall / exact.length);
        out.put("users", exact.length);
        out.put("exact", exactLatency);
        out.put("index", annLatency);
        out.put("note", "in-process ScoringModel.recommend, k = 100, history excluded; 2 native threads");
        return out;
    }

    private Map<String, Object> latency(ScoringModel model, int[][] asked) {
        for (int i = 0; i < Math.min(100, asked.length); i++) { // warm-up: JIT-compile the path first
            model.recommend(new int[][] {asked[i]}, new int[][] {asked[i]}, 100);
        }
        double[] single = new double[Math.min(latencyQueries, asked.length)];
        for (int i = 0; i < single.length; i++) {
            long t = System.nanoTime();
            model.recommend(new int[][] {asked[i]}, new int[][] {asked[i]}, 100);
            single[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(single);
        int batches = 20;
        long t = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            int[][] batch = Arrays.copyOfRange(asked, b * 50, b * 50 + 50);
            model.recommend(batch, batch, 100);
        }
        double perBatch = (System.nanoTime() - t) / 1e6 / batches;
        return Map.of("singleP50Ms", single[single.length / 2], "singleP99Ms",
                single[(int) Math.ceil(0.99 * single.length) - 1], "batchOf50Ms", perBatch);
    }

    /**
     * The index against exact scoring on a catalogue the size of a real retrieval stage: an untrained two-tower model
     * of {@code --scale-items} items (random item vectors: the hardest case for a graph index), histories of 50
     * random items.
     */
    private Map<String, Object> annAtScale() {
        ModelSpec spec = new ModelSpec(Architectures.TWO_TOWER, scaleItems, 64, 64, 50, 2, 2, 0.1f, tower, null);
        ai.djl.Model djl = ai.djl.Model.newInstance("two-tower-at-scale");
        djl.setBlock(Architectures.build(spec));
        djl.getBlock().initialize(djl.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32,
                new ai.djl.ndarray.types.Shape(1, 50));
        java.util.Random random = new java.util.Random(9);
        List<int[]> histories = new ArrayList<>();
        for (int u = 0; u < Math.max(latencyQueries, 1000); u++) {
            histories.add(random.ints(50, 1, scaleItems + 1).toArray());
        }
        try (ScoringModel model = new ScoringModel(spec, djl)) {
            Map<String, Object> out = ann(model, histories);
            out.put("items", scaleItems);
            return out;
        }
    }

    /** A SASRec ranker, then a two-tower pre-ranker distilled from its top-k on the training histories. */
    private Map<String, Object> distillation(SequenceDataset dataset, ModelSpec studentSpec,
                                             List<int[]> testHistories) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("settings", Map.of("teacherMinutes", teacherMinutes, "distilMinutes", distilMinutes,
                "loss", distilLoss, "listLength", listLength));
        ModelSpec teacherSpec = ModelSpec.paperPreset(Architectures.SASREC, dataset.numItems(), maxLength);
        long started = System.nanoTime();
        try (ScoringModel teacher = new SequenceTrainer(config(teacherMinutes), Objective.NEXT_ITEM_ALL_POSITIONS
                .label()).train(teacherSpec, dataset, report -> System.out.printf(
                        "teacher epoch %d loss %.4f val ndcg@10 %.4f%n", report.epoch(), report.loss(),
                        report.selectionValue()), () -> false).model()) {
            Map<String, Object> teacherEntry = new LinkedHashMap<>();
            teacherEntry.put("spec", teacherSpec);
            teacherEntry.put("objective", Objective.NEXT_ITEM_ALL_POSITIONS.label());
            teacherEntry.put("trainingMinutes", (System.nanoTime() - started) / 6e10);
            teacherEntry.put("test", RankingEvaluator.evaluate(dataset, teacher, Split.TEST,
                    EvaluationProtocol.fullRanking(), 0, 7L, 10, 100));
            out.put("teacher", teacherEntry);
            write();
            int[][] sequences = new int[dataset.numUsers()][];
            for (int u = 0; u < sequences.length; u++) {
                int[] train = dataset.trainSequence(u);
                sequences[u] = Arrays.copyOfRange(train, Math.max(0, train.length - maxLength), train.length);
            }
            started = System.nanoTime();
            try (ScoringModel preRanker = new ListDistillation(config(distilMinutes)).train(studentSpec,
                    new TeacherLists(teacher, sequences, listLength), new ListDistillation.Settings(distilLoss, 100, 4),
                    report -> System.out.printf("student epoch %d loss %.4f agreement@10 %.4f%n", report.epoch(),
                            report.loss(), report.selectionValue()), () -> false, Checkpointing.NONE).model()) {
                Map<String, Object> student = new LinkedHashMap<>();
                student.put("trainingMinutes", (System.nanoTime() - started) / 6e10);
                student.put("test", RankingEvaluator.evaluate(dataset, preRanker, Split.TEST,
                        EvaluationProtocol.fullRanking(), 0, 7L, 10, 100));
                student.put("fidelityToTeacher", Fidelity.measure(teacher.asBlackBox(), preRanker, testHistories));
                out.put("student", student);
            }
        }
        return out;
    }

    private void write() {
        try {
            Results.write(output, result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
