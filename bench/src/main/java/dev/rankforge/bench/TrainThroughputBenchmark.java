package dev.rankforge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SyntheticGenerator;
import dev.rankforge.core.data.SyntheticSpec;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.train.EpochReport;
import dev.rankforge.core.train.SequenceTrainer;
import dev.rankforge.core.train.TrainConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Training throughput of each paper model at ML-1M shapes (batch 128 × length 200, 3,416 items), DJL and a
 * PyTorch mirror of the same architecture ({@code bench/torch_mirror.py}) side by side in one run with the
 * same thread count. Target: DJL / PyTorch ≥ 0.9.
 */
@Command(name = "train-throughput", mixinStandardHelpOptions = true,
        description = "DJL vs PyTorch training throughput; writes bench/results/train-throughput.json.")
final class TrainThroughputBenchmark implements Callable<Integer> {
    @Option(names = "--models", split = ",", defaultValue = "bert4rec,sasrec,narm")
    List<String> models;

    @Option(names = "--steps", defaultValue = "10", description = "Measured steps per model (after as many warm-up).")
    int steps;

    @Option(names = "--batch-size", defaultValue = "128")
    int batchSize;

    @Option(names = "--max-length", defaultValue = "200")
    int maxLength;

    @Option(names = "--threads", defaultValue = "2")
    int threads;

    @Option(names = "--python", defaultValue = "python3")
    String python;

    @Option(names = "--djl-only", description = "Measure DJL alone, without the PyTorch reference (as bench allocator does).")
    boolean djlOnly;

    @Option(names = "--output", defaultValue = "bench/results/train-throughput.json")
    Path output;

    @Option(names = "--catalogue", description = "Instead: the catalogue-scale cases (26k users, 17k items, mean "
            + "length 9, max 50) for --catalogue-models, DJL only; merged into the output file under 'catalogue'.")
    boolean catalogue;

    @Option(names = "--catalogue-models", split = ",", defaultValue = "gru4rec,narm,sasrec,bert4rec")
    List<String> catalogueModels;

    @Option(names = "--catalogue-users", defaultValue = "1024",
            description = "Users trained per measured epoch of a catalogue case (the rate is per sequence).")
    int catalogueUsers;

    @Override
    public Integer call() throws Exception {
        if (catalogue) {
            Map<String, Object> cases = CatalogueThroughput.run(catalogueModels, catalogueUsers, batchSize);
            cases.put("environment", Results.environment());
            Map<String, Object> file = java.nio.file.Files.exists(output)
                    ? new ObjectMapper().readValue(output.toFile(), new com.fasterxml.jackson.core.type.TypeReference<
                            LinkedHashMap<String, Object>>() { })
                    : new LinkedHashMap<>();
            file.put("catalogue", cases);
            Results.write(output, file);
            return 0;
        }
        int items = 3416;
        SequenceDataset data = SyntheticGenerator.generate(
                new SyntheticSpec(batchSize * steps, items, 260, 1.0, 0.5, 1));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String architecture : models) {
            ModelSpec spec = ModelSpec.paperPreset(architecture, items, maxLength);
            // Epoch 1 warms up, epoch 2 is measured; validation (one user) is outside the timed loop.
            List<EpochReport> reports = new ArrayList<>();
            new SequenceTrainer(new TrainConfig(2, batchSize, 1e-3f, 0f, 5f, 2, 1, 1, "cpu"))
                    .train(spec, data, reports::add, () -> false).model().close();
            double djl = reports.get(reports.size() - 1).examplesPerSecond();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("model", architecture);
            row.put("djl_seq_per_s", djl);
            if (!djlOnly) {
                JsonNode torch = runMirror(architecture, items);
                double torchRate = torch.path("torch_seq_per_s").asDouble();
                row.put("torch_seq_per_s", torchRate);
                row.put("ratio", djl / torchRate);
                row.put("torch_version", torch.path("torch_version").asText());
            }
            rows.add(row);
            System.out.println(row);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "train-throughput");
        result.put("environment", Results.environment());
        result.put("shapes", Map.of("batch", batchSize, "length", maxLength, "items", items, "steps", steps,
                "threads", threads));
        result.put("target", "ratio >= 0.9");
        result.put("results", rows);
        Results.write(output, result);
        return 0;
    }

    private JsonNode runMirror(String architecture, int items) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(python, "bench/torch_mirror.py", "--model", architecture,
                "--items", String.valueOf(items), "--batch", String.valueOf(batchSize),
                "--length", String.valueOf(maxLength), "--steps", String.valueOf(steps),
                "--warmup", String.valueOf(Math.max(2, steps / 5)), "--threads", String.valueOf(threads))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0) {
            throw new IOException("PyTorch mirror failed for " + architecture);
        }
        return new ObjectMapper().readTree(out.substring(out.lastIndexOf('\n') + 1));
    }
}
