package dev.rankforge.attack;

import dev.rankforge.service.team.Teams;
import dev.rankforge.attack.client.TrainerApi;
import dev.rankforge.core.model.ScoringModel;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * trainer-service's registry and black-box API as the test serves them, over real models trained by the test:
 * the same paths and bodies ({@code /models/{id}}, {@code /recommend} with {@code exclude}, {@code /rank}), so
 * attack-service's HTTP client, surrogate loading and measurements run for real.
 */
@jakarta.annotation.security.PermitAll // stands in for another service
@Path("/test-trainer/models")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TestTrainerResource {
    static final Map<UUID, ScoringModel> MODELS = new ConcurrentHashMap<>();
    static final Map<UUID, String> ARTIFACTS = new ConcurrentHashMap<>();
    /** Models of a team other than the default one; another team's model is not found, as trainer-service answers. */
    static final Map<UUID, String> TEAMS = new ConcurrentHashMap<>();
    static final AtomicLong QUERIES = new AtomicLong();

    public record Recommend(List<Integer> sequence, Integer k, List<Integer> exclude) {
    }

    public record Rank(List<Integer> sequence, List<Integer> candidates) {
    }

    public record Items(List<Integer> items) {
    }

    @GET
    @Path("/{id}")
    public TrainerApi.RegisteredModel model(@PathParam("id") UUID id,
                                            @jakarta.ws.rs.HeaderParam(Teams.HEADER) String team) {
        String artifact = ARTIFACTS.get(id);
        if (artifact == null || !TEAMS.getOrDefault(id, Teams.DEFAULT).equals(Teams.orDefault(team))) {
            throw new NotFoundException("no model " + id);
        }
        ScoringModel model = MODELS.get(id);
        return new TrainerApi.RegisteredModel(id, model == null ? "gru4rec" : model.spec().architecture(), null, null,
                artifact);
    }

    @POST
    @Path("/{id}/recommend")
    public Items recommend(@PathParam("id") UUID id, Recommend request) {
        QUERIES.incrementAndGet();
        ScoringModel model = served(id);
        int[] history = ints(request.sequence());
        int[] excluded = request.exclude() == null ? history : ints(request.exclude());
        int[] top = model.recommend(new int[][] {history}, new int[][] {excluded}, request.k())[0];
        return new Items(Arrays.stream(top).boxed().toList());
    }

    @POST
    @Path("/{id}/rank")
    public Items rank(@PathParam("id") UUID id, Rank request) {
        QUERIES.incrementAndGet();
        ScoringModel model = served(id);
        int[] candidates = ints(request.candidates());
        float[] scores = model.scoreCandidates(new int[][] {ints(request.sequence())}, new int[][] {candidates})[0];
        return new Items(ScoringModel.rankCandidates(candidates, scores));
    }

    private static ScoringModel served(UUID id) {
        ScoringModel model = MODELS.get(id);
        if (model == null) {
            throw new NotFoundException("no model " + id);
        }
        return model;
    }

    private static int[] ints(List<Integer> ids) {
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }
}
