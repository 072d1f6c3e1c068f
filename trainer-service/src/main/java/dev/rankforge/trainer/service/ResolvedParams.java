package dev.rankforge.trainer.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import static dev.rankforge.service.problem.RequestFields.orDefault;

import dev.rankforge.service.blackbox.BlackBoxEndpoint;
import dev.rankforge.service.blackbox.BlackBoxEndpoints;
import dev.rankforge.service.blackbox.Credentials;
import dev.rankforge.service.blackbox.OutboundPolicy;
import dev.rankforge.contracts.DistillationParams;
import dev.rankforge.contracts.ExtractionParams;
import dev.rankforge.contracts.TrainingKind;
import dev.rankforge.contracts.TrainingParams;
import dev.rankforge.core.extract.ListDistillation;
import dev.rankforge.core.extract.QueryGenerator;
import dev.rankforge.core.loss.Losses;
import dev.rankforge.core.nn.Architectures;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.train.LearningRateSchedule;
import dev.rankforge.core.train.TrainConfig;
import dev.rankforge.service.problem.InvalidRequestException;
import java.util.Locale;

/**
 * A job's settings with every default filled in and every range checked; what a job stores. DISTILL and EXTRACT
 * jobs carry their distillation settings, EXTRACT jobs their query budget and black-box target.
 */
@JsonIgnoreProperties(ignoreUnknown = true) // stored as jsonb: a row written by another version still reads
public record ResolvedParams(int epochs, int embeddingSize, int hiddenSize, int batchSize, double learningRate,
                             int maxLength, long seed, String objective, Distillation distillation,
                             Extraction extraction, String userTower, Double temperature, int windowStep,
                             String learningRateSchedule, int warmupEpochs) {
    public ResolvedParams {
        // left out, or a row stored before schedules existed: ranking-core's default
        if (learningRateSchedule == null) {
            learningRateSchedule = TrainConfig.defaults().learningRateSchedule().decayName();
        }
    }

    /** The history length a job gets when it names none. */
    static final int DEFAULT_MAX_LENGTH = 50;

    /** Resolved {@link DistillationParams}. */
    @JsonIgnoreProperties(ignoreUnknown = true) // stored as jsonb: a row written by another version still reads
    public record Distillation(String loss, int negatives, int listLength, Integer prefixesPerSequence,
                               String prefixEncoding) {
        public Distillation {
            if (prefixEncoding == null) { // left out, or a row stored before it existed
                prefixEncoding = DistillationParams.PER_PREFIX;
            }
        }

        public ListDistillation.Settings settings() {
            // one-pass trains every prefix an epoch: it has no prefixes per sequence (null), Settings wants one
            return new ListDistillation.Settings(loss, negatives, prefixesPerSequence == null ? 1 : prefixesPerSequence,
                    DistillationParams.ONE_PASS.equals(prefixEncoding));
        }
    }

    /** Resolved {@link ExtractionParams}. */
    @JsonIgnoreProperties(ignoreUnknown = true) // stored as jsonb: a row written by another version still reads
    public record Extraction(String generator, int sequences, int length, BlackBoxEndpoint target) {
        public QueryGenerator.Spec spec(int topK, long seed) {
            return new QueryGenerator.Spec(QueryGenerator.Strategy.valueOf(generator.toUpperCase(Locale.ROOT)),
                    sequences, length, topK, seed, 256);
        }
    }

    /**
     * Fills defaults and checks what the request's constraints cannot express (the generator, the target, which
     * kinds take an objective); ranges are the contracts' Bean Validation constraints, checked before.
     *
     * @param selfUrl  base URL of this service, for targets that name one of its models
     * @param outbound    which targets this service may query
     * @param credentials the credentials a target may name
     */
    public static ResolvedParams resolve(TrainingKind kind, String architecture, TrainingParams p,
                                         DistillationParams d, ExtractionParams x, String selfUrl,
                                         OutboundPolicy outbound, Credentials credentials) {
        TrainingParams in = p == null ? TrainingParams.defaults() : p;
        Distillation distillation = kind == TrainingKind.TRAIN ? null : distillation(d, architecture);
        Extraction extraction = kind == TrainingKind.EXTRACT ? extraction(x, selfUrl, outbound, credentials) : null;
        // What the request leaves out comes from ranking-core: the architecture's paper preset for its sizes,
        // TrainConfig's defaults for the optimisation; only the history length is this service's own default.
        int maxLength = orDefault(in.maxLength(), DEFAULT_MAX_LENGTH);
        ModelSpec preset = ModelSpec.paperPreset(architecture, 1, maxLength);
        TrainConfig base = TrainConfig.defaults();
        ResolvedParams r = new ResolvedParams(orDefault(in.epochs(), base.epochs()),
                orDefault(in.embeddingSize(), preset.embeddingSize()), orDefault(in.hiddenSize(), preset.hiddenSize()),
                orDefault(in.batchSize(), base.batchSize()),
                // via its decimal text, so that the float default reads 0.001, not 0.0010000000474974513
                in.learningRate() == null ? Double.parseDouble(Float.toString(base.learningRate())) : in.learningRate(),
                maxLength, in.seed() == null ? base.seed() : in.seed(), in.objective(), distillation, extraction,
                preset.userTower() == null ? null : orDefault(in.userTower(), preset.userTower()),
                preset.temperature() == null ? null
                        : in.temperature() == null ? Double.parseDouble(Float.toString(preset.temperature()))
                        : in.temperature(),
                orDefault(in.windowStep(), 0), in.learningRateSchedule(),
                orDefault(in.warmupEpochs(), base.learningRateSchedule().warmupEpochs()));
        if (r.objective != null && kind != TrainingKind.TRAIN) {
            throw new InvalidRequestException("params.objective", "applies to TRAIN jobs only");
        }
        if (r.windowStep != 0 && kind != TrainingKind.TRAIN) {
            throw new InvalidRequestException("params.windowStep", "applies to TRAIN jobs only");
        }
        if (r.windowStep > r.maxLength) {
            throw new InvalidRequestException("params.windowStep",
                    "must be at most maxLength (" + r.maxLength + "), or items between windows would be skipped");
        }
        if (r.warmupEpochs >= r.epochs) {
            throw new InvalidRequestException("params.warmupEpochs",
                    "must be less than epochs (" + r.epochs + "): the rate would never reach learningRate");
        }
        if (!Architectures.TWO_TOWER.equals(architecture)) {
            if (in.userTower() != null) {
                throw new InvalidRequestException("params.userTower", "applies to the two-tower architecture only");
            }
            if (in.temperature() != null) {
                throw new InvalidRequestException("params.temperature", "applies to the two-tower architecture only");
            }
        }
        return r;
    }

    private static Distillation distillation(DistillationParams d, String architecture) {
        DistillationParams in = d == null ? new DistillationParams(null, null, null, null, null) : d;
        Distillation r = new Distillation(in.loss() == null ? "margin-rank" : in.loss(),
                orDefault(in.negatives(), 100), orDefault(in.listLength(), 100),
                DistillationParams.ONE_PASS.equals(in.prefixEncoding()) ? null : orDefault(in.prefixesPerSequence(), 4),
                in.prefixEncoding());
        if (!Losses.names().contains(r.loss)) {
            throw new InvalidRequestException("distillation.loss", "must be one of " + Losses.names());
        }
        if (DistillationParams.ONE_PASS.equals(r.prefixEncoding)) {
            if (in.prefixesPerSequence() != null) {
                throw new InvalidRequestException("distillation.prefixesPerSequence",
                        DistillationParams.NO_PREFIXES_PER_SEQUENCE_WITH_ONE_PASS);
            }
            if (!Architectures.encodesPrefixesInOnePass(architecture)) {
                throw new InvalidRequestException("distillation.prefixEncoding",
                        Architectures.onePassRefusal(architecture));
            }
        }
        return r;
    }

    private static Extraction extraction(ExtractionParams x, String selfUrl, OutboundPolicy outbound,
                                         Credentials credentials) {
        if (x == null) {
            throw new InvalidRequestException("extraction", "is required for EXTRACT jobs");
        }
        String generator = x.generator() == null ? "autoregressive" : x.generator().toLowerCase(Locale.ROOT);
        if (!generator.equals("autoregressive") && !generator.equals("random")) {
            throw new InvalidRequestException("extraction.generator", "must be autoregressive or random");
        }
        Extraction r = new Extraction(generator, orDefault(x.sequences(), 1000), orDefault(x.length(), 20),
                BlackBoxEndpoints.resolve(x.target(), selfUrl, "extraction.target", outbound, credentials));
        return r;
    }

    /** The architecture's paper preset (layers, heads, dropout) with this job's sizes. */
    public ModelSpec modelSpec(String architecture, int numItems) {
        ModelSpec preset = ModelSpec.paperPreset(architecture, numItems, maxLength);
        if (embeddingSize % preset.heads() != 0) {
            throw new InvalidRequestException("params.embeddingSize",
                    "must be divisible by the " + preset.heads() + " attention heads of " + architecture);
        }
        return new ModelSpec(architecture, numItems, embeddingSize, hiddenSize, preset.maxLength(), preset.layers(),
                preset.heads(), preset.dropout(), userTower, temperature == null ? null : temperature.floatValue());
    }

    public TrainConfig trainConfig(String device) {
        TrainConfig defaults = TrainConfig.defaults();
        return new TrainConfig(epochs, batchSize, (float) learningRate, defaults.weightDecay(),
                defaults.clipGradient(), defaults.patience(), defaults.validationUsers(), seed, device)
                .withWindowStep(windowStep)
                .withLearningRateSchedule(LearningRateSchedule.of(learningRateSchedule, warmupEpochs));
    }
}
