package dev.rankforge.service.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The largest job each role may ask for, checked where a request enters the fleet (a service's REST API, or an
 * experiment plan at eval-service): a caller gets the largest limit of the roles it holds. Environment:
 * {@code RANKFORGE_LIMITS_<ROLE>_MAX_EPOCHS}, {@code _MAX_SEQUENCES}, {@code _MAX_QUERIES}.
 */
@ConfigMapping(prefix = "rankforge.limits")
public interface JobLimits {
    /** Limits of the {@code researcher} role. */
    RoleLimits researcher();

    /** Limits of the {@code attacker} role. */
    RoleLimits attacker();

    /** Limits of the {@code admin} role (defaults far above the others'). */
    RoleLimits admin();

    /** One role's limits. */
    interface RoleLimits {
        /** Training epochs of one job. */
        @WithDefault("500")
        int maxEpochs();

        /** Sequences one job generates or attacks: an extraction's query sequences, an attack's users per target. */
        @WithDefault("100000")
        int maxSequences();

        /** Black-box queries one extraction may spend (sequences × length). */
        @WithDefault("2000000")
        long maxQueries();
    }
}
