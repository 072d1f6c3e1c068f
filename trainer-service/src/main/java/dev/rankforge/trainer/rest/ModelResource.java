package dev.rankforge.trainer.rest;

import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.service.auth.Roles;
import dev.rankforge.trainer.ModelShare;
import dev.rankforge.trainer.RegisteredModel;
import dev.rankforge.trainer.mapping.TrainingMapper;
import dev.rankforge.trainer.quota.QueryQuota;
import dev.rankforge.trainer.service.LeasedCache;
import dev.rankforge.trainer.service.ModelCache;
import dev.rankforge.trainer.service.ModelSharing;
import dev.rankforge.trainer.service.RecommendationBatcher;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The model registry and each model's black-box recommendation API (ranked ids only, no scores), charged to the
 * caller's API key when clients are configured ({@link QueryQuota}). The registry shows each team its own models and
 * those other teams shared with it ({@link ModelSharing}); the black-box API answers for any model id it is given, as a
 * deployed recommender would.
 */
@Path("/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "models")
@Blocking
public class ModelResource {
    private final ModelCache models;
    private final TrainingMapper mapper;
    private final QueryQuota quota;
    private final RecommendationBatcher batcher;
    private final ModelSharing sharing;
    private final QueryLimits limits;

    public ModelResource(ModelCache models, TrainingMapper mapper, QueryQuota quota, RecommendationBatcher batcher,
                         ModelSharing sharing, QueryLimits limits) {
        this.models = models;
        this.mapper = mapper;
        this.quota = quota;
        this.batcher = batcher;
        this.sharing = sharing;
        this.limits = limits;
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Operation(summary = "List the team's registered models and those shared with it, newest first")
    public List<ModelView> list() {
        List<RegisteredModel> found = sharing.visibleModels();
        Map<UUID, List<String>> shares = ModelShare.teamsOf(found.stream().map(m -> m.id).toList());
        return found.stream().map(m -> mapper.toView(m, shares.getOrDefault(m.id, List.of()))).toList();
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/{id}")
    @Operation(summary = "One registered model with lineage, hyperparameters, artifact and the teams it is shared with")
    public ModelView get(@PathParam("id") UUID id) {
        return view(sharing.visible(id));
    }

    @RolesAllowed(Roles.RESEARCHER)
    @PUT
    @Path("/{id}/shares/{team}")
    @Operation(summary = "Share the model with another team, which then sees it and uses it as one of its own "
            + "(teacher, starting point, extraction target, victim, surrogate) but cannot share it on; idempotent")
    public ModelView share(@PathParam("id") UUID id, @PathParam("team") String team) {
        return view(sharing.share(id, team));
    }

    @RolesAllowed(Roles.RESEARCHER)
    @DELETE
    @Path("/{id}/shares/{team}")
    @Operation(summary = "Withdraw a share: the team no longer sees or uses the model (jobs it started keep running)")
    public ModelView unshare(@PathParam("id") UUID id, @PathParam("team") String team) {
        return view(sharing.unshare(id, team));
    }

    private ModelView view(RegisteredModel model) {
        return mapper.toView(model, ModelShare.teamsOf(List.of(model.id)).getOrDefault(model.id, List.of()));
    }

    @PermitAll // the black-box API: its own X-Api-Key with budgets and rates (QueryQuota)
    @POST
    @Path("/{id}/recommend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Black box: top-k item ids for one history (items in the history excluded)")
    public RankedItems recommend(@PathParam("id") UUID id, @HeaderParam(QueryQuota.HEADER) String apiKey,
                                 @Valid @NotNull RecommendRequest request) {
        try (LeasedCache.Lease<ScoringModel> lease = models.lease(id)) {
            ScoringModel model = lease.value();
            int[] history = limits.history(request.sequence(), model, "sequence");
            int k = limits.k(request.k(), model);
            int[] excluded = request.exclude() == null ? null : limits.history(request.exclude(), model, "exclude");
            quota.charge(apiKey, 1); // only well-formed queries are charged
            if (excluded != null) {
                int[] top = model.recommend(new int[][] {history}, new int[][] {excluded}, k)[0];
                return new RankedItems(id, Arrays.stream(top).boxed().toList());
            }
            int[] top = batcher.recommend(id, model, history, k);
            return new RankedItems(id, Arrays.stream(top).boxed().toList());
        }
    }

    @PermitAll // the black-box API: its own X-Api-Key with budgets and rates (QueryQuota)
    @POST
    @Path("/{id}/rank")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Black box: the given candidates in the model's order for one history (one query)")
    public RankedItems rank(@PathParam("id") UUID id, @HeaderParam(QueryQuota.HEADER) String apiKey,
                            @Valid @NotNull RankRequest request) {
        try (LeasedCache.Lease<ScoringModel> lease = models.lease(id)) {
            ScoringModel model = lease.value();
            int[] history = limits.history(request.sequence(), model, "sequence");
            int[] candidates = limits.history(request.candidates(), model, "candidates");
            quota.charge(apiKey, 1);
            float[] scores = model.scoreCandidates(new int[][] {history}, new int[][] {candidates})[0];
            return new RankedItems(id, ScoringModel.rankCandidates(candidates, scores));
        }
    }

    @PermitAll // the black-box API: its own X-Api-Key with budgets and rates (QueryQuota)
    @POST
    @Path("/{id}/recommend/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Black box: top-k item ids for each of several histories")
    public Recommendations recommendBatch(@PathParam("id") UUID id, @HeaderParam(QueryQuota.HEADER) String apiKey,
                                          @Valid @NotNull BatchRecommendRequest request) {
        limits.batchSize(request.sequences().size());
        try (LeasedCache.Lease<ScoringModel> lease = models.lease(id)) {
            ScoringModel model = lease.value();
            int k = limits.k(request.k(), model);
            int[][] histories = new int[request.sequences().size()][];
            for (int i = 0; i < histories.length; i++) {
                histories[i] = limits.history(request.sequences().get(i), model, "sequences[" + i + "]");
            }
            quota.charge(apiKey, histories.length);
            List<List<Integer>> out = new ArrayList<>(histories.length);
            for (int[] top : model.recommend(histories, histories, k)) {
                out.add(Arrays.stream(top).boxed().toList());
            }
            return new Recommendations(id, out);
        }
    }
}
