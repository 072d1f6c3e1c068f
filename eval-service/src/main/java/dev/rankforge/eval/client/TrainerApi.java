package dev.rankforge.eval.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rankforge.service.team.Teams;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import dev.rankforge.service.auth.ServiceKeyHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** trainer-service's job API: cancelling a step's job, and its per-epoch history for the report; as the experiment's team. */
@Path("/training-jobs")
@RegisterRestClient(configKey = "trainer")
@RegisterClientHeaders(ServiceKeyHeaders.class)
public interface TrainerApi {

    @GET
    @Path("/{id}")
    JsonNode job(@PathParam("id") UUID id, @HeaderParam(Teams.HEADER) String team);

    @POST
    @Path("/{id}/cancel")
    JsonNode cancel(@PathParam("id") UUID id, @HeaderParam(Teams.HEADER) String team);
}
