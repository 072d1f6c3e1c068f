package dev.rankforge.attack.client;

import dev.rankforge.service.team.Teams;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import dev.rankforge.service.auth.ServiceKeyHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * data-service's derived versions: a poisoning job's fake profiles become a new dataset version with lineage to
 * the base. Content-addressed, so the same profiles always give the same version (a retried call after a crash
 * creates nothing new); it belongs to the attack job's team. Base URL: {@code QUARKUS_REST_CLIENT_DATA_SERVICE_URL}.
 */
@Path("/datasets")
@RegisterRestClient(configKey = "data-service")
@RegisterClientHeaders(ServiceKeyHeaders.class)
public interface DataApi {

    @POST
    @Path("/{id}/derived")
    DatasetVersion derive(@PathParam("id") UUID baseId, DerivedRequest request,
                          @HeaderParam(Teams.HEADER) String team);

    /** Fake user profiles to append to the base. */
    record DerivedRequest(String name, List<List<Integer>> profiles) {
    }

    /** The fields attack-service reads. */
    record DatasetVersion(UUID id, String artifactUri) {
    }
}
