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

/** data-service's dataset API, used by an experiment's dataset steps, as the experiment's team. */
@Path("/datasets")
@RegisterRestClient(configKey = "data-service")
@RegisterClientHeaders(ServiceKeyHeaders.class)
public interface DataServiceApi {

    @POST
    Dataset create(SyntheticBody request, @HeaderParam(Teams.HEADER) String team);

    @POST
    @Path("/import")
    Dataset importFile(ImportBody request, @HeaderParam(Teams.HEADER) String team);

    @GET
    @Path("/{id}")
    Dataset get(@PathParam("id") UUID id, @HeaderParam(Teams.HEADER) String team);

    /** data-service's synthetic request body. */
    record SyntheticBody(String name, Integer users, Integer items, Integer meanLength, Double zipfExponent,
                         Double sequentialStrength, Long seed) {
    }

    /** data-service's import request body. */
    record ImportBody(String name, String path, JsonNode options) {
    }

    /** The fields of data-service's answer that an experiment needs. */
    record Dataset(UUID id, String artifactUri, Integer users, Integer items, Long interactions) {
    }
}
