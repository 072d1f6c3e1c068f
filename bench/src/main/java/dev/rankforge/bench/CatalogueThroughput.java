package dev.rankforge.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SyntheticGenerator;
import dev.rankforge.core.data.SyntheticSpec;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.train.EpochReport;
import dev.rankforge.core.train.SequenceTrainer;
import dev.rankforge.core.train.TrainConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training speed on a real catalogue's shape: an Amazon 5-core file (26k users, 17k items, mean history ≈ 9, max
 * length 50), every architecture with its paper preset, DJL on this CPU. Beside each rate: the epoch time it means
 * for 26k users against the target, and the bound the output layer alone sets (its FLOPs at the real
 * positions, at the matrix-multiply speed measured here).
 */
final class CatalogueThroughput {
    static final int USERS = 26_000;
    static final int ITEMS = 17_000;
    static final int MEAN_LENGTH = 9;
    static final int MAX_LENGTH = 50;

    private CatalogueThroughput() {
    }

    static Map<String, Object> run(List<String> models, int measuredUsers, int batchSize) {
        SequenceDataset data = SyntheticGenerator.generate(new SyntheticSpec(measuredUsers, ITEMS, MEAN_LENGTH, 1.0, 0.5, 1));
        double realPositions = 0;
        for (int u = 0; u < data.numUsers(); u++) {
            realPositions += data.trainSequence(u).length - 1;
        }
        realPositions /= data.numUsers();
        double gflops = matmulGflops(batchSize * (int) Math.ceil(realPositions), 64, ITEMS + 1);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String architecture : models) {
            ModelSpec spec = ModelSpec.paperPreset(architecture, data.numItems(), MAX_LENGTH);
            List<EpochReport> reports = new ArrayList<>();
            // Epoch 1 warms up, epoch 2 is measured; validation (one user) is outside the timed loop.
            new SequenceTrainer(new TrainConfig(2, batchSize, 1e-3f, 0f, 5f, 2, 1, 1, "cpu"))
                    .train(spec, data, reports::add, () -> false).model().close();
            double rate = reports.get(reports.size() - 1).examplesPerSecond();
            // Forward + backward of the projection: 3 matrix products of 2·width·items FLOPs per real position.
            double projectionFlops = 6.0 * spec.embeddingSize() * (ITEMS + 1) * realPositions;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("model", architecture);
            row.put("seq_per_s", rate);
            row.put("epoch_seconds_26k_users", USERS / rate);
            int target = architecture.equals("bert4rec") ? 120 : 60;
            row.put("target_epoch_seconds", target);
            row.put("meets_target", USERS / rate <= target);
            row.put("output_layer_bound_seq_per_s", gflops * 1e9 / projectionFlops);
            rows.add(row);
            System.out.println(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("shape", Map.of("users", USERS, "items", ITEMS, "meanLength", MEAN_LENGTH, "maxLength", MAX_LENGTH,
                "measuredUsers", measuredUsers, "batch", batchSize, "realPositionsPerSequence", realPositions));
        out.put("matmulGflops", gflops);
        out.put("results", rows);
        return out;
    }

    /** Single-precision matrix-multiply speed at the output layer's shape {@code [rows, width] × [width, items]}. */
    private static double matmulGflops(int rows, int width, int items) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.randomNormal(new Shape(rows, width));
            NDArray b = m.randomNormal(new Shape(width, items));
            a.matMul(b).close();
            int repeats = 10;
            long start = System.nanoTime();
            for (int i = 0; i < repeats; i++) {
                a.matMul(b).close();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return 2.0 * rows * width * items * repeats / seconds / 1e9;
        }
    }
}
