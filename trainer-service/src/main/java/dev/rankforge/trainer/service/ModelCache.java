package dev.rankforge.trainer.service;

import dev.rankforge.service.artifact.ArtifactStore;
import dev.rankforge.core.model.ModelArtifact;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.trainer.RegisteredModel;
import dev.rankforge.trainer.config.TrainerConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * Registered models loaded for inference ({@code RANKFORGE_TRAINER_MODEL_CACHE_SIZE} of them, least recently used
 * evicted), leased per request so an eviction never closes a model that is still scoring. A two-tower model is loaded
 * with its item index and answers from it.
 */
@ApplicationScoped
public class ModelCache {
    private final LeasedCache<UUID, ScoringModel> loaded;

    public ModelCache(ArtifactStore artifacts, TrainerConfig config) {
        this.loaded = new LeasedCache<>(config.modelCacheSize(), modelId -> load(artifacts, modelId));
    }

    /** The loaded model, reading its artifact on first use; 404 when no such model is registered. */
    public LeasedCache.Lease<ScoringModel> lease(UUID modelId) {
        return loaded.lease(modelId);
    }

    /** The model, and a two-tower model's item index with it (its answers then come from the index). */
    private static ScoringModel load(ArtifactStore artifacts, UUID modelId) {
        String[] uris = QuarkusTransaction.joiningExisting().call(() -> {
            RegisteredModel entry = RegisteredModel.findById(modelId);
            return entry == null ? null : new String[] {entry.artifactUri, entry.indexUri};
        });
        if (uris == null) {
            throw new NotFoundException("model " + modelId + " does not exist");
        }
        ScoringModel model;
        try (InputStream in = artifacts.open(uris[0])) {
            model = ModelArtifact.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load model " + modelId + " from " + uris[0], e);
        }
        if (uris[1] != null) {
            try (InputStream in = artifacts.open(uris[1])) {
                model.serveFrom(model.readIndex(in));
            } catch (IOException | RuntimeException e) {
                model.close();
                throw new IllegalStateException("cannot load the item index of model " + modelId + " from " + uris[1],
                        e);
            }
        }
        return model;
    }

    @PreDestroy
    void closeAll() {
        loaded.close();
    }
}
