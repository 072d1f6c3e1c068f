package dev.rankforge.bench;

import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.metrics.EvaluationProtocol;
import dev.rankforge.core.metrics.PopularityScorer;
import dev.rankforge.core.metrics.RankingEvaluator;
import dev.rankforge.core.metrics.Scorer;
import dev.rankforge.core.metrics.Split;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.train.EpochReport;
import dev.rankforge.core.train.LearningRateSchedule;
import dev.rankforge.core.train.SequenceTrainer;
import dev.rankforge.core.train.TrainConfig;
import dev.rankforge.core.train.TrainingResult;
import java.io.IOException;
import java.io.OutputStream;
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
 * Trains NARM, SASRec and BERT4Rec (paper presets, max length 200) on MovieLens-1M read at run time from
 * the shared data folder (never copied), and records validation curves and test metrics under full ranking
 * and 100 uniform / popularity negatives, beside the paper's figures.
 */
@Command(name = "ml1m", mixinStandardHelpOptions = true,
        description = "Train the paper's models on ML-1M within a CPU budget; write bench/results/ml1m.json.")
final class Ml1mBenchmark implements Callable<Integer> {
    /** The extraction paper's black-box figures on ML-1M (100 uniform negatives, leave-one-out), as the paper
     *  reports them for NARM and BERT4Rec (its SASRec recall is not quoted here). */
    private static final Map<String, Map<String, Double>> PAPER = Map.of(
            "narm", Map.of("ndcg@10", 0.625, "recall@10", 0.820),
            "bert4rec", Map.of("ndcg@10", 0.602, "recall@10", 0.806));

    @Option(names = "--data", defaultValue = "../shared/data/ml-1m/ml-1m.pairs.txt")
    Path data;

    @Option(names = "--models", split = ",", defaultValue = "narm,sasrec,bert4rec")
    List<String> models;

    @Option(names = "--epochs", split = ",", defaultValue = "narm=30,sasrec=25,bert4rec=15",
            description = "Epoch budget per model (CPU), e.g. narm=30,sasrec=25 (default: ${DEFAULT-VALUE}).")
    Map<String, Integer> epochs;

    @Option(names = "--validation-users", defaultValue = "1000",
            description = "Users scored for the per-epoch validation curve (0 = all).")
    int validationUsers;

    @Option(names = "--batch-size", defaultValue = "128")
    int batchSize;

    @Option(names = "--max-length", defaultValue = "200")
    int maxLength;

    @Option(names = "--learning-rate", defaultValue = "0.001")
    float learningRate;

    @Option(names = "--weight-decay", defaultValue = "0",
            description = "Decoupled (AdamW) weight decay; the extraction paper's code trains with 0.01. A run with "
                    + "decay names its entries model[/objective]/weight-decay-<value>.")
    float weightDecay;

    @Option(names = "--window-step", defaultValue = "0",
            description = "Train on windows of max-length + 1 items every this many items back from each history's "
                    + "end, so that ML-1M's long histories (a third of its interactions lie before their last 200) "
                    + "train on all their items; the paper's code slides by 100. 0 = the last window only. A run with "
                    + "windows names its entries model[/objective]/windows-<step>.")
    int windowStep;

    @Option(names = "--lr-schedule", defaultValue = "constant",
            description = "constant (the papers'), or cosine: the rate falls along half a cosine to zero at the last "
                    + "of --epochs, so size the epochs to --minutes. A scheduled run names its entries "
                    + "model[/objective]/.../<schedule>, e.g. .../cosine-warmup-1.")
    String lrSchedule;

    @Option(names = "--warmup-epochs", defaultValue = "0",
            description = "Epochs of linear learning-rate warm-up before the schedule (0 = none).")
    int warmupEpochs;

    @Option(names = "--patience", defaultValue = "10",
            description = "Early-stopping patience in epochs (BERT4Rec plateaus for a while before it learns).")
    int patience;

    @Option(names = "--objective", split = ",", description = "Training objective per model where it fits more than "
            + "one, e.g. sasrec=next-item-ce (full cross-entropy at every position) or sasrec=sampled-bce (the paper's); "
            + "the entry is then named model/objective.")
    Map<String, String> objectives = new LinkedHashMap<>();

    @Option(names = "--minutes", defaultValue = "0",
            description = "Wall-clock training budget per model: no epoch starts after it (0 = epochs only).")
    long minutes;

    @Option(names = "--output", defaultValue = "bench/results/ml1m.json")
    Path output;

    @Option(names = "--models-dir", defaultValue = "bench/work/ml1m",
            description = "Where each trained model is kept (<entry>.rfmd, its facts in <entry>.json), so that "
                    + "extraction-ml1m --victim-from can extract it without training a victim again.")
    Path modelsDir;

    @Override
    public Integer call() throws Exception {
        LearningRateSchedule schedule = LearningRateSchedule.of(lrSchedule, warmupEpochs);
        SequenceDataset dataset = Results.readPairs(data);
        Map<String, Object> result = Results.header("ml1m");
        result.put("dataset", Map.of("users", dataset.numUsers(), "items", dataset.numItems(),
                "interactions", dataset.numInteractions(), "split", "leave-one-out"));
        result.put("settings", Map.of("epochBudget", epochs, "batchSize", batchSize, "maxLength", maxLength,
                "learningRate", learningRate, "weightDecay", weightDecay, "windowStep", windowStep,
                "learningRateSchedule", schedule.label(), "device", "cpu",
                "validationUsers", validationUsers,
                "earlyStopping", "validation ndcg@10 (full ranking), patience " + patience));
        Map<String, Object> perModel = new LinkedHashMap<>(Results.previousEntries(output, "models"));
        result.put("models", perModel);
        perModel.put("popularity", Map.of("test", evaluateAll(dataset, new PopularityScorer(dataset))));
        Results.write(output, result);
        for (String architecture : models) {
            ModelSpec spec = ModelSpec.paperPreset(architecture, dataset.numItems(), maxLength);
            TrainConfig config = new TrainConfig(epochs.getOrDefault(architecture, 10), batchSize, learningRate,
                    weightDecay, 5f, patience, validationUsers, 42L, "cpu").withMaxSeconds(minutes * 60)
                    .withWindowStep(windowStep).withLearningRateSchedule(schedule);
            String objective = objectives.get(architecture);
            String name = (objective == null ? architecture : architecture + "/" + objective)
                    + (weightDecay == 0 ? "" : "/weight-decay-" + weightDecay)
                    + (windowStep == 0 ? "" : "/windows-" + windowStep)
                    + (schedule.equals(LearningRateSchedule.CONSTANT) ? "" : "/" + schedule.label());
            List<Map<String, Object>> curve = new ArrayList<>();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("spec", spec);
            entry.put("objective", objective == null ? "the architecture's own" : objective);
            entry.put("learningRate", learningRate);
            entry.put("weightDecay", weightDecay);
            entry.put("windowStep", windowStep);
            entry.put("learningRateSchedule", schedule.label());
            entry.put("epochBudget", config.epochs());
            entry.put("minutesBudget", minutes);
            entry.put("validationCurve", curve); // written after every epoch: a long run leaves its curve so far
            perModel.put(name, entry);
            long started = System.nanoTime();
            TrainingResult trained = new SequenceTrainer(config, objective).train(spec, dataset, report -> {
                Map<String, Object> point = epoch(report);
                point.put("minutes", (System.nanoTime() - started) / 6e10);
                curve.add(point);
                System.out.printf("%s epoch %d/%d loss %.4f val ndcg@10 %.4f (full ranking) %.0f seq/s%n",
                        name, report.epoch(), report.epochs(), report.loss(), report.selectionValue(),
                        report.examplesPerSecond());
                try {
                    Results.write(output, result);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, () -> false);
            double trainingMinutes = (System.nanoTime() - started) / 6e10;
            try (ScoringModel model = trained.model()) {
                entry.put("trainingMinutes", trainingMinutes);
                entry.put("bestEpoch", trained.bestEpoch());
                entry.put("test", evaluateAll(dataset, model));
                if (PAPER.containsKey(architecture)) {
                    entry.put("paperBlackBox", Map.of("protocol", "uniform-100", "metrics", PAPER.get(architecture)));
                }
                Results.write(output, result);
                keep(model, name, entry);
            }
            System.out.println("wrote " + output);
        }
        return 0;
    }

    /** Saves the model and its facts (the entry without its curve) under {@link #modelsDir}. */
    private void keep(ScoringModel model, String name, Map<String, Object> entry) throws IOException {
        Files.createDirectories(modelsDir);
        Path file = modelsDir.resolve(name.replace('/', '-') + ".rfmd");
        try (OutputStream out = Files.newOutputStream(file)) {
            model.save(out);
        }
        Map<String, Object> facts = new LinkedHashMap<>(entry);
        facts.remove("validationCurve");
        Results.write(factsOf(file), facts);
    }

    /** Where the facts of a model kept by this bench lie: beside it, {@code <entry>.json}. */
    static Path factsOf(Path model) {
        return model.resolveSibling(model.getFileName().toString().replaceFirst("\\.rfmd$", "") + ".json");
    }

    private static Map<String, Map<String, Double>> evaluateAll(SequenceDataset data, Scorer scorer) {
        return RankingEvaluator.evaluate(data, scorer, Split.TEST, List.of(EvaluationProtocol.fullRanking(),
                        EvaluationProtocol.uniformNegatives(100),
                        EvaluationProtocol.popularityNegatives(100, data.trainPopularity())),
                0, 7L, 1, 5, 10, 20);
    }

    private static Map<String, Object> epoch(EpochReport report) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("epoch", report.epoch());
        e.put("loss", report.loss());
        e.put("validationNdcg10FullRanking", report.selectionValue());
        e.put("sequencesPerSecond", report.examplesPerSecond());
        return e;
    }
}
