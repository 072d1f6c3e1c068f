package dev.rankforge.eval.results;

import dev.rankforge.service.team.TeamScope;
import dev.rankforge.service.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The results store across experiments, for comparisons: filter by experiment, metric, protocol, step kind. */
@Path("/results")
@Tag(name = "results")
@Blocking
public class ResultsResource {
    private final ResultsQuery results;
    private final TeamScope teams;

    public ResultsResource(ResultsQuery results, TeamScope teams) {
        this.results = results;
        this.teams = teams;
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Stored numbers matching every given filter (e.g. metric=ndcg&protocol=uniform-100&kind=evaluate); CSV with format=csv")
    public Response find(@QueryParam("experiment") UUID experiment, @QueryParam("metric") String metric,
                         @QueryParam("protocol") String protocol, @QueryParam("kind") String kind,
                         @QueryParam("format") String format, @HeaderParam("Accept") String accept) {
        return results.respond(results.of(experiment, metric, protocol, kind,
                teams.seesAll() ? null : teams.team()), format, accept);
    }
}
