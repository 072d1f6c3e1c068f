package dev.rankforge.trainer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** trainer-service settings (environment prefix {@code RANKFORGE_TRAINER_}). */
@ConfigMapping(prefix = "rankforge.trainer")
public interface TrainerConfig {
    /** Concurrent training jobs: one per GPU, one on CPU. */
    @WithDefault("1")
    int workers();

    /** DJL device for training and inference: {@code cpu} or {@code gpu0}, ... */
    @WithDefault("cpu")
    String device();

    /** Trained models kept loaded for the black-box API. */
    @WithDefault("8")
    int modelCacheSize();

    /** Largest list the black-box API returns. */
    @WithDefault("100")
    int maxK();

    /** Longest batch the batch recommendation endpoint accepts. */
    @WithDefault("1000")
    int maxBatch();

    /** Most single-history recommendation requests scored together in one forward pass. */
    @WithDefault("64")
    int inferenceBatch();

    /** This service's base URL, for EXTRACT targets that name one of its models instead of a URL. */
    @WithDefault("http://localhost:${quarkus.http.port}")
    String selfUrl();

    /**
     * Black-box API clients as {@code name:key:budget:queriesPerSecond}, comma-separated (environment
     * {@code RANKFORGE_TRAINER_API_CLIENTS}); absent = the API is open.
     */
    Optional<String> apiClients();

    /** Test users an extracted or distilled model is compared with its victim or teacher on (0 = all). */
    @WithDefault("1000")
    int fidelityUsers();
}
