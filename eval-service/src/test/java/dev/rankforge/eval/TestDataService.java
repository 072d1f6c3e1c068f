package dev.rankforge.eval;

import dev.rankforge.service.team.Teams;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * data-service's {@code GET /datasets/{id}} as the test serves it: the versions a test registered, each the
 * default team's, so another team's request finds none (as data-service answers).
 */
@jakarta.annotation.security.PermitAll // stands in for another service
@Path("/test-data-service/datasets")
@Produces(MediaType.APPLICATION_JSON)
public class TestDataService {
    private static final Map<UUID, String> ARTIFACTS = new ConcurrentHashMap<>();

    /** A stored version at {@code artifactUri}; returns its id. */
    static UUID register(String artifactUri) {
        UUID id = UUID.randomUUID();
        ARTIFACTS.put(id, artifactUri);
        return id;
    }

    /** data-service's answer, with the fields eval-service reads. */
    public record Dataset(UUID id, String artifactUri, Integer users, Integer items, Long interactions) {
    }

    @GET
    @Path("/{id}")
    public Dataset get(@PathParam("id") UUID id, @HeaderParam(Teams.HEADER) String team) {
        String uri = ARTIFACTS.get(id);
        if (uri == null || !Teams.DEFAULT.equals(Teams.orDefault(team))) {
            throw new NotFoundException("dataset " + id + " does not exist");
        }
        return new Dataset(id, uri, null, null, null);
    }
}
