package dev.rankforge.service.auth;

import java.util.Set;

/**
 * Who an API key belongs to: its name (the principal), its team, its granted roles and how far it reaches.
 *
 * @param team  the owning team of everything the caller creates
 * @param reach whose objects the caller sees
 */
public record Caller(String name, String team, Set<String> roles, Reach reach) {
    /** The identity attribute that carries the team. */
    public static final String TEAM_ATTRIBUTE = "rankforge.team";

    /** Whose objects a caller sees. */
    public enum Reach {
        /** Its own team's only: every stored key and bearer token, whatever its roles. */
        TEAM,
        /** Every team's: the bootstrap admin key, the fleet's operator. */
        FLEET,
        /**
         * The services' own key: every team's when it names none, else it acts for the team named in
         * {@link dev.rankforge.service.team.Teams#HEADER}.
         */
        SERVICE
    }

    /** A person's or a tool's key: its own team's objects only. */
    public Caller(String name, String team, Set<String> roles) {
        this(name, team, roles, Reach.TEAM);
    }
}
