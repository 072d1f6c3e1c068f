package dev.rankforge.attack.rest;

import dev.rankforge.service.job.Accepted;
import dev.rankforge.service.team.TeamScope;
import dev.rankforge.service.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.rankforge.attack.AttackJob;
import dev.rankforge.attack.mapping.AttackMapper;
import dev.rankforge.attack.service.AttackJobService;
import dev.rankforge.contracts.AttackRequest;
import dev.rankforge.contracts.SchemaVersion;
import dev.rankforge.service.job.JobResponses;
import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import dev.rankforge.service.limits.JobSizeCheck;
import io.quarkus.security.identity.SecurityIdentity;
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

/** Attack jobs: submit an attack (profile pollution) and read its per-target outcome. */
@Path("/attack-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "attack-jobs")
@Blocking
public class AttackJobResource {
    private final AttackJobService jobs;
    private final AttackMapper mapper;
    private final TeamScope teams;
    private final JobSizeCheck sizes;
    private final SecurityIdentity caller;

    public AttackJobResource(AttackJobService jobs, AttackMapper mapper, TeamScope teams, JobSizeCheck sizes,
                             SecurityIdentity caller) {
        this.jobs = jobs;
        this.sizes = sizes;
        this.caller = caller;
        this.teams = teams;
        this.mapper = mapper;
    }

    @RolesAllowed(Roles.ATTACKER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Queue an attack (202; refused with 400 problem+json naming the field, nothing stored); repeating a jobId returns the existing job")
    public Response submit(@Valid @NotNull AttackJobRequest r) {
        if (r.params() != null && r.params().maxUsers() != null && r.params().maxUsers() > 0) {
            sizes.sequences(caller.getRoles(), "params.maxUsers", r.params().maxUsers());
        }
        UUID jobId = r.jobId() == null ? UUID.randomUUID() : r.jobId();
        Accepted<AttackJob> accepted = jobs.submit(new AttackRequest(SchemaVersion.CURRENT, jobId, r.method(),
                r.victim(), r.surrogateModelId(), r.datasetId(), r.datasetUri(), r.targets(), r.params(),
                teams.team()));
        AttackJobView view = mapper.toView(accepted.job());
        return JobResponses.submitted(accepted.isNew(), "/attack-jobs/" + jobId, view);
    }

    @RolesAllowed(Roles.ATTACKER)
    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Stop an attack: a queued one at once, a running one at its next target or stage (CANCELLED, "
            + "what it measured kept); an ended one is returned as it is")
    public AttackJobView cancel(@PathParam("id") UUID id) {
        teams.visible(AttackJob.findById(id), (AttackJob j) -> j.team, "attack job", id);
        return mapper.toView(jobs.cancel(id));
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Operation(summary = "List the team's attack jobs, newest first")
    public List<AttackJobView> list() {
        List<AttackJob> found = teams.seesAll() ? AttackJob.list("order by createdAt desc")
                : AttackJob.list("team = ?1 order by createdAt desc", teams.team());
        return found.stream().map(mapper::toView).toList();
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/{id}")
    @Operation(summary = "One attack job with each target's exposure before and after")
    public AttackJobView get(@PathParam("id") UUID id) {
        return mapper.toView(teams.visible(AttackJob.findById(id), (AttackJob j) -> j.team, "attack job", id));
    }
}
