package dev.rankforge.service.auth;

import java.util.Set;

/**
 * Who an API key belongs to: its name (the principal), its team and its granted roles.
 *
 * @param team the owning team of everything the caller creates
 */
public record Caller(String name, String team, Set<String> roles) {
    /** The identity attribute that carries the team. */
    public static final String TEAM_ATTRIBUTE = "rankforge.team";
}
