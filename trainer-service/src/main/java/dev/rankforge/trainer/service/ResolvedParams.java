package dev.rankforge.trainer.service;

import dev.rankforge.contracts.TrainingParams;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.train.TrainConfig;
import dev.rankforge.service.problem.InvalidRequestException;

/**
 * Training hyperparameters with every default filled in and every range checked; what a job stores.
 */
public record ResolvedParams(int epochs, int embeddingSize, int hiddenSize, int batchSize, double learningRate,
                             int maxLength, long seed) {

    /** Fills defaults and checks ranges; a bad value is reported as {@code params.<field>}. */
    public static ResolvedParams resolve(TrainingParams p) {
        TrainingParams in = p == null ? TrainingParams.defaults() : p;
        ResolvedParams r = new ResolvedParams(
                orDefault(in.epochs(), 20), orDefault(in.embeddingSize(), 64), orDefault(in.hiddenSize(), 64),
                orDefault(in.batchSize(), 128), in.learningRate() == null ? 1e-3 : in.learningRate(),
                orDefault(in.maxLength(), 50), in.seed() == null ? 42L : in.seed());
        check("epochs", r.epochs, 1, 1000);
        check("embeddingSize", r.embeddingSize, 1, 1024);
        check("hiddenSize", r.hiddenSize, 1, 1024);
        check("batchSize", r.batchSize, 1, 4096);
        check("maxLength", r.maxLength, 2, 1000);
        if (!(r.learningRate > 0 && r.learningRate <= 1)) {
            throw new InvalidRequestException("params.learningRate", "must be in (0, 1]");
        }
        return r;
    }

    /** The architecture's paper preset (layers, heads, dropout) with this job's sizes. */
    public ModelSpec modelSpec(String architecture, int numItems) {
        ModelSpec preset = ModelSpec.paperPreset(architecture, numItems, maxLength);
        if (embeddingSize % preset.heads() != 0) {
            throw new InvalidRequestException("params.embeddingSize",
                    "must be divisible by the " + preset.heads() + " attention heads of " + architecture);
        }
        return new ModelSpec(architecture, numItems, embeddingSize, hiddenSize, maxLength, preset.layers(),
                preset.heads(), preset.dropout());
    }

    public TrainConfig trainConfig(String device) {
        TrainConfig defaults = TrainConfig.defaults();
        return new TrainConfig(epochs, batchSize, (float) learningRate, defaults.weightDecay(),
                defaults.clipGradient(), defaults.patience(), defaults.validationUsers(), seed, device);
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static void check(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidRequestException("params." + field, "must be between " + min + " and " + max);
        }
    }
}
