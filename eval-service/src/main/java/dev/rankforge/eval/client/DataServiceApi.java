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

/** data-service's dataset API, used by an experiment's dataset steps. */
@Path("/datasets")
@RegisterRestClient(configKey = "data-service")
@RegisterClientHeaders(ServiceKeyHeaders.class)
public interface DataServiceApi {

    @POST
    Dataset create(SyntheticBody request);

    @POST
    @Path("/import")
    Dataset importFile(ImportBody request);

    @GET
    @Path("/{id}")
    Dataset get(@PathParam("id") UUID id);

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
