package dev.rankforge.attack.client;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The victim's black-box API (trainer-service's {@code /models/{id}/recommend/batch} by default). */
@Path("/models")
@RegisterRestClient(configKey = "victim")
public interface VictimApi {

    @POST
    @Path("/{id}/recommend/batch")
    Answer recommendBatch(@PathParam("id") UUID modelId, Query query);

    /** Histories to rank. */
    record Query(List<List<Integer>> sequences, int k) {
    }

    /** Ranked ids per history. */
    record Answer(List<List<Integer>> items) {
    }
}
