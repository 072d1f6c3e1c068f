package dev.rankforge.trainer.service;

import dev.rankforge.core.artifact.LocalArtifactStore;
import dev.rankforge.core.model.ModelArtifact;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.trainer.RegisteredModel;
import dev.rankforge.trainer.config.TrainerConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Registered models loaded for inference, least recently used evicted beyond the configured size.
 */
@ApplicationScoped
public class ModelCache {
    private final LocalArtifactStore artifacts;
    private final Map<UUID, ScoringModel> loaded;

    public ModelCache(LocalArtifactStore artifacts, TrainerConfig config) {
        this.artifacts = artifacts;
        int capacity = config.modelCacheSize();
        this.loaded = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, ScoringModel> eldest) {
                if (size() > capacity) {
                    eldest.getValue().close();
                    return true;
                }
                return false;
            }
        };
    }

    /** The loaded model, reading its artifact on first use; 404 when no such model is registered. */
    public synchronized ScoringModel get(UUID modelId) {
        ScoringModel model = loaded.get(modelId);
        if (model != null) {
            return model;
        }
        RegisteredModel entry = RegisteredModel.findById(modelId);
        if (entry == null) {
            throw new NotFoundException("model " + modelId + " does not exist");
        }
        try (InputStream in = artifacts.open(entry.artifactUri)) {
            model = ModelArtifact.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load model " + modelId + " from " + entry.artifactUri, e);
        }
        loaded.put(modelId, model);
        return model;
    }

    @PreDestroy
    synchronized void closeAll() {
        loaded.values().forEach(ScoringModel::close);
        loaded.clear();
    }
}
