package dev.rankforge.eval.client;

import dev.rankforge.eval.rest.ExperimentRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** data-service's dataset API, used to create an experiment's synthetic dataset. */
@Path("/datasets")
@RegisterRestClient(configKey = "data-service")
public interface DataServiceApi {

    @POST
    Dataset create(Synthetic request);

    /** data-service's synthetic request body. */
    record Synthetic(String name, Integer users, Integer items, Integer meanLength, Double zipfExponent,
                     Double sequentialStrength, Long seed) {
        public static Synthetic of(String name, ExperimentRequest.SyntheticPlan plan) {
            return new Synthetic(name, plan.users(), plan.items(), plan.meanLength(), plan.zipfExponent(),
                    plan.sequentialStrength(), plan.seed());
        }
    }

    /** The fields of data-service's answer that an experiment needs. */
    record Dataset(UUID id, String artifactUri, int users, int items, long interactions) {
    }
}
