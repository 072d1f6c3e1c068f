package dev.rankforge.service.limits;

import dev.rankforge.service.auth.Roles;
import dev.rankforge.service.problem.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Refuses a job bigger than the caller's roles allow ({@link JobLimits}) with a 400 naming the field, the limit
 * and the setting that raises it. Only values a request gives are checked; absent ones take the service's defaults.
 */
@ApplicationScoped
public class JobSizeCheck {
    private final Map<String, JobLimits.RoleLimits> byRole;

    public JobSizeCheck(JobLimits limits) {
        this.byRole = Map.of(Roles.RESEARCHER, limits.researcher(), Roles.ATTACKER, limits.attacker(), Roles.ADMIN,
                limits.admin());
    }

    /** Training epochs of one job. */
    public void epochs(Set<String> roles, String field, Integer epochs) {
        check(roles, field, epochs == null ? null : epochs.longValue(), "MAX_EPOCHS", JobLimits.RoleLimits::maxEpochs);
    }

    /** Sequences one job generates or attacks. */
    public void sequences(Set<String> roles, String field, Integer sequences) {
        check(roles, field, sequences == null ? null : sequences.longValue(), "MAX_SEQUENCES",
                JobLimits.RoleLimits::maxSequences);
    }

    /** An extraction's queries: {@code sequences × length}, when both are given. */
    public void queries(Set<String> roles, String field, Integer sequences, Integer length) {
        check(roles, field, sequences == null || length == null ? null : (long) sequences * length, "MAX_QUERIES",
                JobLimits.RoleLimits::maxQueries);
    }

    private void check(Set<String> roles, String field, Long value, String setting,
                       ToLongFunction<JobLimits.RoleLimits> limit) {
        if (value == null) {
            return;
        }
        String widest = null;
        long allowed = 0;
        for (Map.Entry<String, JobLimits.RoleLimits> role : byRole.entrySet()) {
            if (roles.contains(role.getKey()) && limit.applyAsLong(role.getValue()) >= allowed) {
                allowed = limit.applyAsLong(role.getValue());
                widest = role.getKey();
            }
        }
        if (value > allowed) {
            throw new InvalidRequestException(field, widest == null ? "no role of this caller may run jobs"
                    : "is " + value + ", more than the " + allowed + " the role " + widest + " allows (RANKFORGE_LIMITS_"
                            + widest.toUpperCase(Locale.ROOT) + "_" + setting + ")");
        }
    }
}
