package dev.rankforge.trainer.rest;

import dev.rankforge.service.team.TeamScope;
import dev.rankforge.service.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.PermitAll;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.service.problem.InvalidRequestException;
import dev.rankforge.trainer.RegisteredModel;
import dev.rankforge.trainer.config.TrainerConfig;
import dev.rankforge.trainer.mapping.TrainingMapper;
import dev.rankforge.trainer.quota.QueryQuota;
import dev.rankforge.trainer.service.LeasedCache;
import dev.rankforge.trainer.service.ModelCache;
import dev.rankforge.trainer.service.RecommendationBatcher;
import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import dev.rankforge.service.team.Teams;
import dev.rankforge.trainer.ModelShare;
import io.quarkus.security.ForbiddenException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The model registry and each model's black-box recommendation API (ranked ids only, no scores), charged to the
 * caller's API key when clients are configured ({@link QueryQuota}). The registry shows each team its own models and
 * those other teams shared with it ({@link ModelShare}); the black-box API answers for any model id it is given, as a
 * deployed recommender would.
 */
@Path("/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "models")
@Blocking
public class ModelResource {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ModelResource.class);
    private static final int DEFAULT_K = 10;

    private final ModelCache models;
    private final TrainingMapper mapper;
    private final TrainerConfig config;
    private final QueryQuota quota;
    private final RecommendationBatcher batcher;
    private final TeamScope teams;

    public ModelResource(ModelCache models, TrainingMapper mapper, TrainerConfig config, QueryQuota quota,
                         RecommendationBatcher batcher, TeamScope teams) {
        this.teams = teams;
        this.models = models;
        this.mapper = mapper;
        this.config = config;
        this.quota = quota;
        this.batcher = batcher;
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Operation(summary = "List the team's registered models and those shared with it, newest first")
    public List<ModelView> list() {
        List<RegisteredModel> found = RegisteredModel.listFor(teams.team(), teams.seesAll());
        Map<UUID, List<String>> shares = ModelShare.teamsOf(found.stream().map(m -> m.id).toList());
        return found.stream().map(m -> mapper.toView(m, shares.getOrDefault(m.id, List.of()))).toList();
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/{id}")
    @Operation(summary = "One registered model with lineage, hyperparameters, artifact and the teams it is shared with")
    public ModelView get(@PathParam("id") UUID id) {
        return view(visible(id));
    }

    @RolesAllowed(Roles.RESEARCHER)
    @PUT
    @Path("/{id}/shares/{team}")
    @Transactional
    @Operation(summary = "Share the model with another team, which then sees it and uses it as one of its own "
            + "(teacher, starting point, extraction target, victim, surrogate) but cannot share it on; idempotent")
    public ModelView share(@PathParam("id") UUID id, @PathParam("team") String team) {
        RegisteredModel model = owned(id);
        if (!team.matches(Teams.NAME_PATTERN)) {
            throw new InvalidRequestException("team", "must match " + Teams.NAME_PATTERN);
        }
        if (!team.equals(model.team)) {
            // Concurrent shares of the same pair: one row, no constraint violation.
            int added = ModelShare.getEntityManager().createNativeQuery("INSERT INTO model_share (model_id, team, "
                    + "shared_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING").setParameter(1, id).setParameter(2, team)
                    .setParameter(3, java.sql.Timestamp.from(Instant.now())).executeUpdate();
            if (added > 0) {
                LOG.infof("model %s of team %s shared with team %s", id, model.team, team);
            }
        }
        return view(model);
    }

    @RolesAllowed(Roles.RESEARCHER)
    @DELETE
    @Path("/{id}/shares/{team}")
    @Transactional
    @Operation(summary = "Withdraw a share: the team no longer sees or uses the model (jobs it started keep running)")
    public ModelView unshare(@PathParam("id") UUID id, @PathParam("team") String team) {
        RegisteredModel model = owned(id);
        if (ModelShare.deleteById(new ModelShare.Key(id, team))) {
            LOG.infof("model %s of team %s no longer shared with team %s", id, model.team, team);
        }
        return view(model);
    }

    private ModelView view(RegisteredModel model) {
        return mapper.toView(model, ModelShare.teamsOf(List.of(model.id)).getOrDefault(model.id, List.of()));
    }

    /** The model if this caller may see it: its team's, shared with its team, or any for the fleet; else 404. */
    private RegisteredModel visible(UUID id) {
        RegisteredModel model = RegisteredModel.findById(id);
        if (model == null || !(teams.seesAll() || model.usableBy(teams.team()))) {
            throw new NotFoundException("model " + id + " does not exist");
        }
        return model;
    }

    /** The model if this caller's team owns it (or the caller is the fleet's); a team it is only shared with gets 403. */
    private RegisteredModel owned(UUID id) {
        RegisteredModel model = visible(id);
        if (!teams.sees(model.team)) {
            throw new ForbiddenException("model " + id + " belongs to team " + model.team
                    + ", which alone shares it or withdraws its shares");
        }
        return model;
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
            int[] history = checkedHistory(request.sequence(), model, "sequence");
            int k = k(request.k());
            int[] excluded = request.exclude() == null ? null : checkedHistory(request.exclude(), model, "exclude");
            quota.charge(apiKey, 1); // only well-formed queries are charged
            if (excluded != null) {
                float[] scores = model.score(new int[][] {history})[0];
                return new RankedItems(id, Arrays.stream(ScoringModel.topK(scores, excluded, k, true)).boxed().toList());
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
            int[] history = checkedHistory(request.sequence(), model, "sequence");
            int[] candidates = checkedHistory(request.candidates(), model, "candidates");
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
        if (request.sequences().size() > config.maxBatch()) {
            throw new InvalidRequestException("sequences", "at most " + config.maxBatch()
                    + " per call (the limit RANKFORGE_TRAINER_MAX_BATCH)");
        }
        try (LeasedCache.Lease<ScoringModel> lease = models.lease(id)) {
            ScoringModel model = lease.value();
            int k = k(request.k());
            int[][] histories = new int[request.sequences().size()][];
            for (int i = 0; i < histories.length; i++) {
                histories[i] = checkedHistory(request.sequences().get(i), model, "sequences[" + i + "]");
            }
            quota.charge(apiKey, histories.length);
            float[][] scores = model.score(histories);
            List<List<Integer>> out = new ArrayList<>(histories.length);
            for (int i = 0; i < histories.length; i++) {
                out.add(Arrays.stream(ScoringModel.topK(scores[i], histories[i], k, true)).boxed().toList());
            }
            return new Recommendations(id, out);
        }
    }

    private int k(Integer requested) {
        int k = requested == null ? DEFAULT_K : requested;
        if (k > config.maxK()) {
            throw new InvalidRequestException("k", "must be at most " + config.maxK()
                    + " (the limit RANKFORGE_TRAINER_MAX_K)");
        }
        return k;
    }

    private int[] checkedHistory(List<Integer> items, ScoringModel model, String field) {
        if (items.size() > config.maxHistory()) {
            throw new InvalidRequestException(field, "at most " + config.maxHistory()
                    + " items per query (the limit RANKFORGE_TRAINER_MAX_HISTORY)");
        }
        int numItems = model.spec().numItems();
        int[] history = new int[items.size()];
        for (int i = 0; i < history.length; i++) {
            int item = items.get(i);
            if (item < 1 || item > numItems) {
                throw new InvalidRequestException(field + "[" + i + "]", "item id must be between 1 and " + numItems);
            }
            history[i] = item;
        }
        return history;
    }
}
