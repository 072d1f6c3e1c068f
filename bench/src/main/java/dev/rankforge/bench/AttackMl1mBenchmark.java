package dev.rankforge.bench;

import dev.rankforge.core.attack.AttackTargets;
import dev.rankforge.core.model.BlackBox;
import dev.rankforge.core.attack.ChooserContext;
import dev.rankforge.core.attack.DataPoisoning;
import dev.rankforge.core.attack.ItemChoosers;
import dev.rankforge.core.attack.ProfilePollution;
import dev.rankforge.core.attack.TargetComparison;
import dev.rankforge.core.attack.TargetExposure;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.model.ModelArtifact;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.core.nn.ModelSpec;
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
 * The extraction paper's profile-pollution experiment on ML-1M: the NARM victim and its autoregressive NARM
 * surrogate from {@code extraction-ml1m} (its work directory), the paper's 25 targets at evenly spaced popularity
 * ranks, and every chooser at the same budget; the target's HR/NDCG@1/5/10 before and after under full ranking
 * and under the paper's 100 uniform negatives, with the queries and minutes each method took; then data poisoning
 * at 1% fake users with each poisoning chooser, every poisoned retrain compared with a clean retrain of the same spec.
 */
@Command(name = "attack-ml1m", mixinStandardHelpOptions = true,
        description = "Profile pollution against the extraction-ml1m victim; write bench/results/attack-ml1m.json.")
final class AttackMl1mBenchmark implements Callable<Integer> {
    private static final Map<String, Object> PAPER = Map.of(
            "pollution target ndcg@10 (uniform-100, ML-1M)", Map.of("before", 0.07, "after", 0.9),
            "poisoning target ndcg@10 (uniform-100, ML-1M NARM, 1% fake users)", Map.of("before", 0.064,
                    "after", "0.07-0.076"));

    @Option(names = "--data", defaultValue = "../shared/data/ml-1m/ml-1m.pairs.txt")
    Path data;

    @Option(names = "--work-dir", defaultValue = "bench/work/extraction-ml1m/narm",
            description = "Where extraction-ml1m --architecture narm left victim.rfmd and surrogate-autoregressive-<loss>.rfmd.")
    Path workDir;

    @Option(names = "--surrogate-loss", defaultValue = "margin-rank", description = "The extraction-ml1m surrogate's "
            + "entry: its loss, with -one-pass where it was trained with --student-one-pass.")
    String surrogateLoss;

    @Option(names = "--surrogate-architecture",
            description = "The surrogate's architecture when extraction-ml1m chose one other than the victim's.")
    String surrogateArchitecture;

    @Option(names = "--choosers", split = ",", defaultValue = "random,popular,co-visitation,gradient,cw",
            description = "Pollution choosers (empty: no pollution).")
    List<String> choosers;

    @Option(names = "--slots", defaultValue = "10", description = "Items appended per profile (paper: 10 on ML-1M).")
    int slots;

    @Option(names = "--users", defaultValue = "500", description = "Users attacked per target (0 = all).")
    int users;

    @Option(names = "--targets", defaultValue = "25")
    int targetCount;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--poisoning-choosers", split = ",", defaultValue = "random,gradient,gradient-paper",
            description = "Choosers of the fake profiles (empty: no poisoning).")
    List<String> poisoningChoosers;

    @Option(names = "--fraction", defaultValue = "0.01", description = "Fake users as a fraction of real users.")
    double fraction;

    @Option(names = "--retrain-epochs", defaultValue = "20",
            description = "Epochs of the clean and of each poisoned retrain of the victim's spec.")
    int retrainEpochs;

    @Option(names = "--output", defaultValue = "bench/results/attack-ml1m.json")
    Path output;

    @Override
    public Integer call() throws Exception {
        SequenceDataset dataset = Results.readPairs(data);
        Map<String, Object> result = Results.header("attack-ml1m");
        result.put("paper", PAPER);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("slots", slots);
        settings.put("usersPerTarget", users);
        settings.put("targets", targetCount);
        settings.put("seed", seed);
        settings.put("surrogate", "extraction-ml1m surrogate trained with " + surrogateLoss);
        settings.put("chooserSettings", ItemChoosers.Settings.DEFAULTS);
        settings.put("users", "test histories (train + validation items) of users who have not seen the target");
        result.put("settings", settings);
        long[] popularity = dataset.trainPopularity();
        List<Integer> targets = AttackTargets.evenlySpaced(popularity, targetCount);
        int[] ranks = AttackTargets.popularityRanks(popularity);
        result.put("targets", targets.stream().map(t -> Map.of("item", t, "popularityRank", ranks[t])).toList());
        List<int[]> histories = new ArrayList<>();
        for (int u = 0; u < dataset.numUsers(); u++) {
            histories.add(dataset.testHistory(u));
        }
        try (ScoringModel victim = load(workDir.resolve("victim.rfmd"));
             ScoringModel surrogate = load(workDir.resolve(ExtractionMl1mBenchmark.surrogateFile(
                     victim.spec().architecture().equals(surrogateArchitecture) ? null : surrogateArchitecture,
                     "autoregressive", surrogateLoss)))) {
            result.put("victim", victim.spec());
            result.put("surrogateSpec", surrogate.spec());
            BlackBox blackBox = victim.asBlackBox();
            ChooserContext context = new ChooserContext(dataset.numItems(), surrogate.whiteBox(), popularity, dataset,
                    seed);
            Map<String, Object> methods = new LinkedHashMap<>(Results.previousEntries(output, "pollution"));
            result.put("pollution", methods);
            for (String name : choosers.stream().filter(c -> !c.isBlank()).toList()) {
                long started = System.nanoTime();
                var chooser = ItemChoosers.create(name);
                List<ProfilePollution.TargetOutcome> outcomes = ProfilePollution.run(blackBox, chooser, context,
                        histories, targets, new ProfilePollution.Spec(slots, users, true, seed),
                        o -> System.out.printf("%s target %d: full ndcg@10 %.4f -> %.4f, uniform-100 ndcg@10 %.4f -> "
                                + "%.4f (%.1f s)%n", name, o.target(), value(o.before(), TargetExposure.FULL_RANKING),
                                value(o.after(), TargetExposure.FULL_RANKING),
                                value(o.before(), TargetExposure.UNIFORM_100),
                                value(o.after(), TargetExposure.UNIFORM_100), o.seconds()), () -> false);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("knowledge", chooser.knowledge());
                entry.put("minutes", (System.nanoTime() - started) / 6e10);
                entry.put("queries", outcomes.stream().mapToLong(ProfilePollution.TargetOutcome::queries).sum());
                entry.put("meanBefore", mean(outcomes, true));
                entry.put("meanAfter", mean(outcomes, false));
                entry.put("perTarget", outcomes);
                methods.put(name, entry);
                Results.write(output, result);
            }
            if (poisoningChoosers.stream().anyMatch(c -> !c.isBlank())) {
                poison(dataset, victim.spec(), context, histories, targets, result);
            }
            Results.write(output, result);
            System.out.println("wrote " + output);
        }
        return 0;
    }

    /**
     * Data poisoning: a clean retrain of the victim's spec and, per chooser, a retrain on the data plus
     * {@code fraction} fake profiles of the victim's length; the targets compared on the real users' histories.
     */
    private void poison(SequenceDataset dataset, ModelSpec spec, ChooserContext context, List<int[]> histories,
                        List<Integer> targets, Map<String, Object> result) throws Exception {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("settings", Map.of("fraction", fraction, "profileLength", spec.maxLength(), "retrainEpochs",
                retrainEpochs, "usersPerTarget", users, "retrain", "from scratch, the victim's spec and seed",
                "before", "clean retrain", "after", "poisoned retrain"));
        Map<String, Object> methods = new LinkedHashMap<>(previousPoisoning());
        section.put("methods", methods);
        result.put("poisoning", section);
        long started = System.nanoTime();
        Path cleanFile = workDir.resolve("clean-retrain-" + retrainEpochs + ".rfmd");
        try (ScoringModel clean = Files.exists(cleanFile) ? load(cleanFile) : retrain(dataset, spec)) {
            if (!Files.exists(cleanFile)) {
                try (java.io.OutputStream out = Files.newOutputStream(cleanFile)) {
                    clean.save(out);
                }
                section.put("cleanRetrainMinutes", (System.nanoTime() - started) / 6e10);
            }
            for (String name : poisoningChoosers.stream().filter(c -> !c.isBlank()).toList()) {
                started = System.nanoTime();
                int[][] fakes = DataPoisoning.fakeProfiles(ItemChoosers.create(name), context, dataset.numUsers(),
                        targets, new DataPoisoning.Spec(fraction, spec.maxLength()));
                double profileMinutes = (System.nanoTime() - started) / 6e10;
                int[][] sequences = new int[dataset.numUsers() + fakes.length][];
                for (int u = 0; u < dataset.numUsers(); u++) {
                    sequences[u] = dataset.sequence(u);
                }
                System.arraycopy(fakes, 0, sequences, dataset.numUsers(), fakes.length);
                long retrainStarted = System.nanoTime();
                try (ScoringModel poisoned = retrain(new SequenceDataset(dataset.numItems(), sequences), spec)) {
                    double retrainMinutes = (System.nanoTime() - retrainStarted) / 6e10;
                    List<ProfilePollution.TargetOutcome> outcomes = TargetComparison.run(clean.asBlackBox(),
                            poisoned.asBlackBox(), dataset.numItems(), histories, targets, users, true, seed,
                            o -> System.out.printf("poisoning %s target %d: uniform-100 ndcg@10 %.4f -> %.4f%n", name,
                                    o.target(), value(o.before(), TargetExposure.UNIFORM_100),
                                    value(o.after(), TargetExposure.UNIFORM_100)));
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("fakeProfiles", fakes.length);
                    entry.put("profileMinutes", profileMinutes);
                    entry.put("retrainMinutes", retrainMinutes);
                    entry.put("meanBefore", mean(outcomes, true));
                    entry.put("meanAfter", mean(outcomes, false));
                    entry.put("perTarget", outcomes);
                    methods.put(name, entry);
                    section.put("bestByUniform100Ndcg10", best(methods));
                    Results.write(output, result);
                }
            }
        }
    }

    /** The method whose poisoned retrain gave the targets the highest mean uniform-100 NDCG@10. */
    @SuppressWarnings("unchecked")
    private static String best(Map<String, Object> methods) {
        return methods.entrySet().stream().max(java.util.Comparator.comparingDouble(e -> ((Map<String, Map<String, Double>>)
                ((Map<String, Object>) e.getValue()).get("meanAfter")).get(TargetExposure.UNIFORM_100).get("ndcg@10")))
                .map(Map.Entry::getKey).orElse("");
    }

    /** Poisoning methods of an earlier run of this bench (a rerun with other choosers keeps them). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> previousPoisoning() throws Exception {
        Object section = Files.exists(output) ? Results.read(output).get("poisoning") : null;
        return section instanceof Map<?, ?> m && m.get("methods") instanceof Map<?, ?> methods
                ? (Map<String, Object>) methods : Map.of();
    }

    private ScoringModel retrain(SequenceDataset data, ModelSpec spec) {
        return new SequenceTrainer(new TrainConfig(retrainEpochs, 128, 1e-3f, 0f, 5f, 10, 1000, 42L, "cpu"))
                .train(spec, data, report -> System.out.printf("retrain epoch %d/%d loss %.4f val ndcg@10 %.4f%n",
                        report.epoch(), report.epochs(), report.loss(), report.selectionValue()), () -> false).model();
    }

    private static ScoringModel load(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return ModelArtifact.read(in);
        }
    }

    private static double value(Map<String, Map<String, Double>> metrics, String protocol) {
        return metrics.get(protocol).get("ndcg@10");
    }

    /** Mean over targets of every protocol's metrics. */
    private static Map<String, Map<String, Double>> mean(List<ProfilePollution.TargetOutcome> outcomes,
                                                         boolean before) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (ProfilePollution.TargetOutcome outcome : outcomes) {
            (before ? outcome.before() : outcome.after()).forEach((protocol, metrics) -> metrics.forEach((metric, v) ->
                    out.computeIfAbsent(protocol, p -> new LinkedHashMap<>()).merge(metric, v / outcomes.size(),
                            Double::sum)));
        }
        return out;
    }
}
