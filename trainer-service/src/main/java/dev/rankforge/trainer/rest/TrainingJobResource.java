package dev.rankforge.trainer.rest;

import dev.rankforge.service.job.Accepted;
import dev.rankforge.service.auth.Roles;
import dev.rankforge.trainer.config.TrainerConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import dev.rankforge.contracts.SchemaVersion;
import dev.rankforge.contracts.TrainingRequest;
import dev.rankforge.trainer.TrainingEpoch;
import dev.rankforge.trainer.TrainingJob;
import dev.rankforge.trainer.mapping.TrainingMapper;
import dev.rankforge.trainer.service.TrainingJobService;
import dev.rankforge.service.job.JobResponses;
import dev.rankforge.service.team.TeamScope;
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

/**
 * Training jobs: submit, follow (status, per-epoch loss and validation NDCG@10) and cancel; a job belongs to its
 * submitter's team, and other teams see no such job.
 */
@Path("/training-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "training-jobs")
@Blocking
public class TrainingJobResource {
    private final TrainingJobService jobs;
    private final TrainingMapper mapper;
    private final TrainerConfig config;
    private final SecurityIdentity caller;
    private final TeamScope teams;
    private final dev.rankforge.service.limits.JobSizeCheck sizes;

    public TrainingJobResource(TrainingJobService jobs, TrainingMapper mapper, TrainerConfig config,
                               SecurityIdentity caller, TeamScope teams, dev.rankforge.service.limits.JobSizeCheck sizes) {
        this.teams = teams;
        this.sizes = sizes;
        this.jobs = jobs;
        this.mapper = mapper;
        this.config = config;
        this.caller = caller;
    }

    @RolesAllowed({Roles.RESEARCHER, Roles.ATTACKER})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Queue a TRAIN, DISTILL or EXTRACT job (202); repeating a jobId returns the existing job (200)")
    public Response submit(@Valid @NotNull TrainingJobRequest request) {
        var target = request.extraction() == null ? null : request.extraction().target();
        boolean outside = target != null && java.util.stream.Stream.of(target.url(), target.rankUrl())
                .anyMatch(u -> u != null && !u.startsWith(config.selfUrl() + "/"));
        if (outside && !caller.hasRole(Roles.ATTACKER)) {
            throw new ForbiddenException("extracting a black box outside the fleet (extraction.target) needs "
                    + "the attacker role");
        }
        if (!outside && !caller.hasRole(Roles.RESEARCHER)) {
            throw new ForbiddenException("training jobs need the researcher role (attacker alone: extractions of "
                    + "targets outside the fleet)");
        }
        if (request.params() != null) {
            sizes.epochs(caller.getRoles(), "params.epochs", request.params().epochs());
        }
        if (request.extraction() != null) {
            sizes.sequences(caller.getRoles(), "extraction.sequences", request.extraction().sequences());
            sizes.queries(caller.getRoles(), "extraction", request.extraction().sequences(),
                    request.extraction().length());
        }
        UUID jobId = request.jobId() == null ? UUID.randomUUID() : request.jobId();
        Accepted<TrainingJob> accepted = jobs.submit(new TrainingRequest(SchemaVersion.CURRENT, jobId,
                request.kind(), request.datasetId(), request.datasetUri(), request.architecture(), request.params(),
                request.teacherModelId(), request.distillation(), request.extraction(), request.initialModelId(),
                teams.team()));
        TrainingJobView view = mapper.toView(accepted.job(), List.of());
        return JobResponses.submitted(accepted.isNew(), "/training-jobs/" + jobId, view);
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Operation(summary = "List the team's training jobs, newest first")
    public List<TrainingJobView> list() {
        List<TrainingJob> found = teams.seesAll() ? TrainingJob.list("order by createdAt desc")
                : TrainingJob.list("team = ?1 order by createdAt desc", teams.team());
        return found.stream().map(j -> mapper.toView(j, List.of())).toList();
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/{id}")
    @Operation(summary = "One training job with its epoch history")
    public TrainingJobView get(@PathParam("id") UUID id) {
        return mapper.toView(found(id), TrainingEpoch.ofJob(id));
    }

    @RolesAllowed(Roles.RESEARCHER)
    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a queued or running job")
    public TrainingJobView cancel(@PathParam("id") UUID id) {
        found(id);
        return mapper.toView(jobs.cancel(id), List.of());
    }

    /** The job, or 404 when there is none the caller's team may see. */
    private TrainingJob found(UUID id) {
        return teams.visible(TrainingJob.findById(id), (TrainingJob j) -> j.team, "training job", id);
    }
}
