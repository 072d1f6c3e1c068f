package dev.rankforge.eval.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import dev.rankforge.service.auth.ServiceKeyHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** trainer-service's job API: cancelling a step's job, and its per-epoch history for the report. */
@Path("/training-jobs")
@RegisterRestClient(configKey = "trainer")
@RegisterClientHeaders(ServiceKeyHeaders.class)
public interface TrainerApi {

    @GET
    @Path("/{id}")
    JsonNode job(@PathParam("id") UUID id);

    @POST
    @Path("/{id}/cancel")
    JsonNode cancel(@PathParam("id") UUID id);
}
