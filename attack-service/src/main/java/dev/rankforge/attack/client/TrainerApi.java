package dev.rankforge.attack.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rankforge.contracts.JobStatus;
import dev.rankforge.service.team.Teams;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import dev.rankforge.service.auth.ServiceKeyHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * trainer-service's model registry and training jobs: where the surrogate's artifact and the victim's training
 * spec (for poisoning retrains) are found, and how retrains are followed. The victim's weights are never read.
 * Every call acts for the attack job's team, so another team's model is not found.
 * Base URL: {@code QUARKUS_REST_CLIENT_TRAINER_URL}.
 */
@RegisterRestClient(configKey = "trainer")
@RegisterClientHeaders(ServiceKeyHeaders.class)
public interface TrainerApi {

    @GET
    @Path("/models/{id}")
    RegisteredModel model(@PathParam("id") UUID modelId, @HeaderParam(Teams.HEADER) String team);

    @GET
    @Path("/training-jobs/{id}")
    TrainingJob trainingJob(@PathParam("id") UUID jobId, @HeaderParam(Teams.HEADER) String team);

    /**
     * The registry fields attack-service reads.
     *
     * @param hyperparameters {@code {"model": ModelSpec, "training": resolved training parameters}}
     */
    record RegisteredModel(UUID id, String architecture, UUID datasetId, JsonNode hyperparameters,
                           String artifactUri) {
    }

    /** The training-job fields attack-service reads. */
    record TrainingJob(UUID id, JobStatus status, UUID modelId, String error) {
    }
}
