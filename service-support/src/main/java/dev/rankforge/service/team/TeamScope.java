package dev.rankforge.service.team;

import dev.rankforge.service.auth.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.util.function.Function;

/**
 * The calling team of the current request and what it may see: its own team's objects only, whatever its roles (a
 * team's admin deletes its own team's objects), except for the bootstrap admin key (the fleet's operator) and a
 * service calling with its service key but no {@link Teams#HEADER} (the fleet's own bookkeeping), which see every
 * team's. An object another team owns is answered as if it did not exist (404), so a team learns nothing of
 * another's work.
 */
@ApplicationScoped
public class TeamScope {
    /** The identity attribute set on a service's identity when it acts for no particular team. */
    public static final String FLEET_ATTRIBUTE = "rankforge.fleet";

    @Inject
    SecurityIdentity identity;

    /** The team that owns what this request creates. */
    public String team() {
        Object team = identity.getAttribute(Caller.TEAM_ATTRIBUTE);
        return Teams.orDefault(team == null ? null : team.toString());
    }

    /** Whether this caller sees every team's objects. */
    public boolean seesAll() {
        return Boolean.TRUE.equals(identity.getAttribute(FLEET_ATTRIBUTE));
    }

    /** Whether this caller may see (and, with the role, use or delete) an object {@code owner} owns. */
    public boolean sees(String owner) {
        return seesAll() || team().equals(Teams.orDefault(owner));
    }

    /**
     * The object found under {@code id} if this caller may see it; else a 404 "{@code what} {@code id} does not
     * exist", the same whether there is none or another team owns it.
     */
    public <T> T visible(T found, Function<T, String> owner, String what, Object id) {
        if (found == null || !sees(owner.apply(found))) {
            throw new NotFoundException(what + " " + id + " does not exist");
        }
        return found;
    }
}
