package dev.rankforge.trainer.run;

import dev.rankforge.service.job.RetryingTransaction;
import dev.rankforge.service.artifact.ArtifactStore;
import dev.rankforge.service.artifact.StoredArtifact;
import dev.rankforge.core.model.ModelArtifact;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.trainer.ModelHyperparameters;
import dev.rankforge.trainer.RegisteredModel;
import dev.rankforge.trainer.TrainingJob;
import dev.rankforge.trainer.service.ResolvedParams;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;

/** The registered models as jobs use them: load a teacher or an initial model, register a job's result once. */
@ApplicationScoped
public class ModelRegistry {
    private final ArtifactStore artifacts;

    public ModelRegistry(ArtifactStore artifacts) {
        this.artifacts = artifacts;
    }

    /**
     * The registered model {@code modelId}, loaded; the caller closes it.
     *
     * @param role what the job uses it as ({@code teacher}, {@code initial model}), for the error
     */
    public ScoringModel load(UUID modelId, String role) throws IOException {
        RegisteredModel entry = RetryingTransaction.call(
                () -> RegisteredModel.<RegisteredModel>findById(modelId));
        if (entry == null) {
            throw new IllegalStateException(role + " model " + modelId + " is no longer registered");
        }
        try (InputStream in = artifacts.open(entry.artifactUri)) {
            return ModelArtifact.read(in);
        }
    }

    /** The weights of a registered model with exactly {@code spec}, to fine-tune from. */
    public byte[] initialParameters(UUID modelId, ModelSpec spec) throws IOException {
        try (ScoringModel initial = load(modelId, "initial")) {
            if (!initial.spec().equals(spec)) {
                throw new IllegalStateException("initial model " + modelId + " has spec " + initial.spec()
                        + ", this job trains " + spec);
            }
            return initial.parameters();
        }
    }

    /** Registers the job's model; a job that registered before a crash keeps its first registration. */
    /** @param index the two-tower model's item index, or null */
    public RegisteredModel register(TrainingJob job, ResolvedParams params, ModelSpec spec, StoredArtifact artifact,
                                    StoredArtifact index, JobOutcome outcome) {
        return RetryingTransaction.call(() -> {
            RegisteredModel existing = RegisteredModel.find("jobId", job.id).firstResult();
            if (existing != null) {
                return existing;
            }
            RegisteredModel m = new RegisteredModel();
            m.id = UUID.randomUUID();
            m.jobId = job.id;
            m.team = job.team;
            m.kind = job.kind;
            m.datasetId = job.datasetId;
            m.architecture = spec.architecture();
            m.hyperparameters = new ModelHyperparameters(spec, params);
            m.artifactUri = artifact.uri();
            m.sha256 = artifact.sha256();
            m.indexUri = index == null ? null : index.uri();
            m.validationMetric = job.validationMetric;
            m.validationScore = outcome.result().bestValidation().getOrDefault(m.validationMetric, 0.0);
            m.bestEpoch = outcome.result().bestEpoch();
            m.lineage = outcome.lineage();
            m.metrics = outcome.metrics();
            m.createdAt = Instant.now();
            m.persist();
            return m;
        });
    }
}
