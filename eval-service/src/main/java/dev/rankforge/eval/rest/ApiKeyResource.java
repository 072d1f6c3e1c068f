package dev.rankforge.eval.rest;

import dev.rankforge.service.problem.InvalidRequestException;
import dev.rankforge.service.team.TeamScope;
import dev.rankforge.service.auth.ApiKeyStore;
import dev.rankforge.service.auth.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The fleet's management API keys (admin only). Keys live in the shared auth database, so a key created here is
 * accepted by every service; the key itself is in the creating response only. A team's admin manages its own
 * team's keys; the bootstrap admin key (the fleet's operator) every team's.
 */
@Path("/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "api-keys")
@Blocking
@RolesAllowed(Roles.ADMIN)
public class ApiKeyResource {
    private static final String NAME = dev.rankforge.service.team.Teams.NAME_PATTERN;

    private final ApiKeyStore keys;
    private final TeamScope teams;

    public ApiKeyResource(ApiKeyStore keys, TeamScope teams) {
        this.keys = keys;
        this.teams = teams;
    }

    /** A key to create: who it is for, the team that owns what it creates, and its roles. */
    public record CreateKey(@NotNull @Pattern(regexp = NAME) String name, @NotNull @Pattern(regexp = NAME) String team,
                            @NotEmpty List<@NotNull @Pattern(regexp = "viewer|researcher|attacker|admin",
                                    message = "must be viewer, researcher, attacker or admin") String> roles) {
    }

    /** A key as listed; {@code key} only in the response that created it. */
    public record KeyView(UUID id, String name, String team, Set<String> roles, Instant createdAt, Instant revokedAt,
                          String key) {
        static KeyView of(ApiKeyStore.StoredKey k, String key) {
            return new KeyView(k.id(), k.name(), k.team(), k.roles(), k.createdAt(), k.revokedAt(), key);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API key (201); the key is shown in this response only")
    public Response create(@Valid @NotNull CreateKey request) {
        if (!teams.sees(request.team())) {
            throw new InvalidRequestException("team", "must be your own team '" + teams.team()
                    + "' (only the fleet's operator key creates keys for other teams)");
        }
        ApiKeyStore.Created created = keys.create(request.name(), request.team(), Set.copyOf(request.roles()));
        return Response.created(URI.create("/api-keys/" + created.stored().id()))
                .entity(KeyView.of(created.stored(), created.key())).build();
    }

    @GET
    @Operation(summary = "List the team's API keys (never the keys themselves)")
    public List<KeyView> list() {
        return keys.list().stream().filter(k -> teams.sees(k.team())).map(k -> KeyView.of(k, null)).toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke an API key (every service refuses it within rankforge.auth.cache-for)")
    public Response revoke(@PathParam("id") UUID id) {
        boolean visible = keys.list().stream().anyMatch(k -> k.id().equals(id) && teams.sees(k.team()));
        if (!visible || !keys.revoke(id)) {
            throw new NotFoundException("no active API key " + id);
        }
        return Response.noContent().build();
    }
}
