package dev.rankforge.service.job;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * How a replica holds the jobs it runs. Environment: {@code RANKFORGE_JOBS_INSTANCE}, {@code RANKFORGE_JOBS_LEASE_SECONDS}.
 */
@ConfigMapping(prefix = "rankforge.jobs")
public interface JobLeaseConfig {
    /**
     * This process's name in the leases it holds. Absent: the host name and a random suffix, new at every start (a
     * Deployment's pod). A stable name (a StatefulSet's pod, the local stack's one process per service) lets a
     * restarted process take its own jobs back at once instead of after their leases expire.
     */
    Optional<String> instance();

    /** How long a lease lasts without renewal; renewed every third of it, taken over by another replica after it. */
    @WithDefault("60")
    int leaseSeconds();
}
