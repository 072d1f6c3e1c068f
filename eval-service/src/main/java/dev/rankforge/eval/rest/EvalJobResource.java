package dev.rankforge.eval.rest;

import dev.rankforge.service.job.Accepted;
import dev.rankforge.service.team.TeamScope;
import dev.rankforge.service.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.rankforge.contracts.EvalRequest;
import dev.rankforge.contracts.SchemaVersion;
import dev.rankforge.eval.EvalJob;
import dev.rankforge.eval.mapping.EvalMapper;
import dev.rankforge.eval.service.EvalJobService;
import dev.rankforge.service.job.JobResponses;
import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Evaluation jobs: full-ranking metrics of a model and of the popularity baseline. */
@Path("/eval-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "eval-jobs")
@Blocking
public class EvalJobResource {
    private final EvalJobService jobs;
    private final EvalMapper mapper;
    private final TeamScope teams;

    public EvalJobResource(EvalJobService jobs, EvalMapper mapper, TeamScope teams) {
        this.jobs = jobs;
        this.teams = teams;
        this.mapper = mapper;
    }

    @RolesAllowed(Roles.RESEARCHER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Queue an evaluation (202); repeating a jobId returns the existing job")
    public Response submit(@Valid @NotNull EvalJobRequest r) {
        UUID jobId = r.jobId() == null ? UUID.randomUUID() : r.jobId();
        Accepted<EvalJob> accepted = jobs.submit(new EvalRequest(SchemaVersion.CURRENT, jobId, r.modelId(),
                r.modelUri(), r.datasetId(), r.datasetUri(), teams.team()));
        EvalJobView view = mapper.toView(accepted.job());
        return JobResponses.submitted(accepted.isNew(), "/eval-jobs/" + jobId, view);
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Operation(summary = "List the team's evaluation jobs, newest first")
    public List<EvalJobView> list() {
        List<EvalJob> found = teams.seesAll() ? EvalJob.list("order by createdAt desc")
                : EvalJob.list("team = ?1 order by createdAt desc", teams.team());
        return found.stream().map(mapper::toView).toList();
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/{id}")
    @Operation(summary = "One evaluation job with its metrics")
    public EvalJobView get(@PathParam("id") UUID id) {
        return mapper.toView(teams.visible(EvalJob.findById(id), (EvalJob j) -> j.team, "eval job", id));
    }
}
