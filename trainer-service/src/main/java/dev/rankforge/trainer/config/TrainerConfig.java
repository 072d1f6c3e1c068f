package dev.rankforge.trainer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** trainer-service settings (environment prefix {@code RANKFORGE_TRAINER_}). */
@ConfigMapping(prefix = "rankforge.trainer")
public interface TrainerConfig {
    /**
     * What this process does: {@code all} (the default: the API and the jobs), {@code api} (registry, job and
     * black-box API; it accepts jobs but leaves running them to workers — scaled on CPU or requests) or
     * {@code worker} (runs the jobs, on a GPU where there is one — scaled on queue length). One image, set by
     * {@code RANKFORGE_TRAINER_ROLE}.
     */
    @WithDefault("all")
    String role();

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

    /** Most jobs one team may have queued or running at once; one more is refused (429) until one ends. */
    @WithDefault("100")
    int maxActiveJobsPerTeam();

    /** Longest history (and exclusion or candidate list) one black-box query may carry. */
    @WithDefault("1000")
    int maxHistory();

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
     * Black-box API clients by name: {@code rankforge.trainer.api-clients.<name>.key}, {@code .budget},
     * {@code .rate} (environment {@code RANKFORGE_TRAINER_API_CLIENTS_<NAME>_KEY}, ...); none = the API is open.
     */
    Map<String, ApiClientSettings> apiClients();

    /** One client of the black-box API. */
    interface ApiClientSettings {
        /** The key it sends as {@code X-Api-Key} (stored only as SHA-256). */
        String key();

        /** Queries it may spend over its lifetime. */
        long budget();

        /** Queries per second it may send (a token bucket per replica). */
        double rate();
    }

    /** Test users an extracted or distilled model is compared with its victim or teacher on (0 = all). */
    @WithDefault("1000")
    int fidelityUsers();
}
