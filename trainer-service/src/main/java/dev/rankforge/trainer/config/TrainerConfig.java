package dev.rankforge.trainer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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
}
