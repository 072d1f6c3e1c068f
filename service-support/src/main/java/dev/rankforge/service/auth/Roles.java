package dev.rankforge.service.auth;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The roles every endpoint declares one of. {@code viewer} reads; {@code researcher} creates datasets, training,
 * evaluations and experiments; {@code attacker} starts attack jobs and extractions of targets outside the fleet;
 * {@code admin} deletes and manages keys. A higher role implies the ones it needs: researcher and attacker imply
 * viewer, admin implies all.
 */
public final class Roles {
    public static final String VIEWER = "viewer";
    public static final String RESEARCHER = "researcher";
    public static final String ATTACKER = "attacker";
    public static final String ADMIN = "admin";
    public static final List<String> ALL = List.of(VIEWER, RESEARCHER, ATTACKER, ADMIN);

    private Roles() {
    }

    /** {@code granted} with every role they imply. */
    public static Set<String> withImplied(Set<String> granted) {
        Set<String> out = new LinkedHashSet<>(granted);
        if (granted.contains(ADMIN)) {
            out.addAll(ALL);
        }
        if (out.contains(RESEARCHER) || out.contains(ATTACKER)) {
            out.add(VIEWER);
        }
        return out;
    }
}
