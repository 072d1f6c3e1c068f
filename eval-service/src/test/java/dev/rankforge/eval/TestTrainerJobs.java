package dev.rankforge.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * trainer-service's job API as the test serves it: the jobs' per-epoch history the test recorded (for the
 * report's learning curves) and the cancel calls eval-service made.
 */
@jakarta.annotation.security.PermitAll // stands in for another service
@Path("/test-trainer/training-jobs")
@Produces(MediaType.APPLICATION_JSON)
public class TestTrainerJobs {
    static final Map<UUID, ObjectNode> JOBS = new ConcurrentHashMap<>();
    static final Set<UUID> CANCELLED = ConcurrentHashMap.newKeySet();

    /** Records a job view with {@code epochs} epochs of falling loss and rising validation score. */
    static void record(UUID jobId, String kind, String metric, int epochs) {
        ObjectNode job = JsonNodeFactory.instance.objectNode().put("id", jobId.toString()).put("kind", kind)
                .put("validationMetric", metric);
        var history = job.putArray("history");
        for (int e = 1; e <= epochs; e++) {
            history.addObject().put("epoch", e).put("loss", 5.0 / e).put("validationScore", 0.1 * e)
                    .put("examplesPerSecond", 1000);
        }
        JOBS.put(jobId, job);
    }

    @GET
    @Path("/{id}")
    public JsonNode get(@PathParam("id") UUID id) {
        JsonNode job = JOBS.get(id);
        if (job == null) {
            throw new NotFoundException();
        }
        return job;
    }

    @POST
    @Path("/{id}/cancel")
    public JsonNode cancel(@PathParam("id") UUID id) {
        CANCELLED.add(id);
        return JsonNodeFactory.instance.objectNode().put("id", id.toString()).put("status", "CANCELLED");
    }
}
