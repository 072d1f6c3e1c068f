package dev.rankforge.service.team;

/**
 * Names every service agrees on for team ownership: every dataset, job, model, experiment and result belongs to
 * the team of the caller that created it (or of the request that asked for it, for work that arrives over Kafka).
 */
public final class Teams {
    /** The team of callers and older rows that name none. */
    public static final String DEFAULT = "default";
    /**
     * Sent by a service, with its service key, to act for the team whose work it is doing (a poisoning job's derived
     * dataset belongs to the attack job's team). Ignored on any other caller's request.
     */
    public static final String HEADER = "X-Rankforge-Team";
    /** What a team's (and a key's) name may be. */
    public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private Teams() {
    }

    /** {@code team}, or {@link #DEFAULT} when a message or row names none. */
    public static String orDefault(String team) {
        return team == null || team.isBlank() ? DEFAULT : team;
    }
}
