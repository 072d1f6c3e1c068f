package dev.rankforge.eval.rest;

import dev.rankforge.service.auth.Roles;
import dev.rankforge.service.team.TeamScope;
import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rankforge.eval.Experiment;
import dev.rankforge.eval.ExperimentStep;
import dev.rankforge.eval.mapping.EvalMapper;
import dev.rankforge.eval.report.ReportService;
import dev.rankforge.eval.results.ResultsQuery;
import dev.rankforge.eval.service.ExperimentScheduler;
import dev.rankforge.service.problem.InvalidRequestException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Experiments: submit a plan (or a sweep), follow its steps, cancel it, read its results and its report. An
 * experiment is its submitter's team's; other teams see no such experiment.
 */
@Path("/experiments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "experiments")
@Blocking
public class ExperimentResource {
    private final ExperimentScheduler scheduler;
    private final EvalMapper mapper;
    private final ResultsQuery results;
    private final ReportService reports;

    private final io.quarkus.security.identity.SecurityIdentity caller;
    private final dev.rankforge.service.limits.JobSizeCheck sizes;
    private final TeamScope teams;

    public ExperimentResource(ExperimentScheduler scheduler, EvalMapper mapper, ResultsQuery results,
                              ReportService reports, io.quarkus.security.identity.SecurityIdentity caller,
                              TeamScope teams, dev.rankforge.service.limits.JobSizeCheck sizes) {
        this.caller = caller;
        this.sizes = sizes;
        this.teams = teams;
        this.scheduler = scheduler;
        this.mapper = mapper;
        this.results = results;
        this.reports = reports;
    }

    @RolesAllowed({Roles.RESEARCHER, Roles.ATTACKER})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start an experiment from a plan {name, matrix, steps} (202); errors name their path in the plan")
    public Response create(JsonNode plan) {
        if (plan == null) {
            throw new InvalidRequestException("", "a plan is required: {name, matrix, steps}");
        }
        // The steps run as Kafka requests that trainer- and attack-service trust: the roles are checked here.
        plan.path("steps").fields().forEachRemaining(step -> {
            String kind = step.getValue().path("kind").asText();
            if (("attack".equals(kind) || "extract".equals(kind) && step.getValue().has("target"))
                    && !caller.hasRole(Roles.ATTACKER)) {
                throw new jakarta.ws.rs.ForbiddenException("step '" + step.getKey() + "' (" + kind
                        + (kind.equals("extract") ? " of an endpoint" : "") + ") needs the attacker role");
            }
        });
        java.util.Set<String> roles = caller.getRoles();
        Experiment experiment = scheduler.create(plan, teams.team(), step -> admitSize(step, roles));
        return Response.accepted(view(experiment.id)).location(URI.create("/experiments/" + experiment.id)).build();
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Operation(summary = "List the team's experiments, newest first (without steps)")
    public List<ExperimentView> list() {
        List<Experiment> found = teams.seesAll() ? Experiment.list("order by createdAt desc")
                : Experiment.list("team = ?1 order by createdAt desc", teams.team());
        return found.stream().map(e -> mapper.toView(e, List.of(), false)).toList();
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/{id}")
    @Operation(summary = "One experiment: its plan and every step's status, progress, time left and output")
    public ExperimentView get(@PathParam("id") UUID id) {
        return view(id);
    }

    @RolesAllowed(Roles.RESEARCHER)
    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel: queued steps never start, running jobs are asked to stop (409 if it has ended)")
    public Response cancel(@PathParam("id") UUID id) {
        view(id);
        if (!scheduler.cancel(id)) {
            return Response.status(409).entity(view(id)).build();
        }
        return Response.ok(view(id)).build();
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/{id}/results")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Every number the experiment produced, with metric, k, protocol, split, model, lineage, "
            + "dataset and seed; CSV with Accept: text/csv or ?format=csv")
    public Response results(@PathParam("id") UUID id, @QueryParam("format") String format,
                            @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        view(id);
        return results.respond(results.of(id, null, null, null, null), format, accept);
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/{id}/report")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A self-contained HTML report: plan, status, learning curves, extraction, attacks, sweep comparison")
    public String report(@PathParam("id") UUID id) {
        view(id);
        return reports.render(id);
    }

    /** Read in its own transaction, so a view taken after a change in this request shows the change. */
    private ExperimentView view(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> mapper.toView(
                teams.visible(Experiment.findById(id), (Experiment e) -> e.team, "experiment", id),
                ExperimentStep.ofExperiment(id), true));
    }

    /** Trainer- and attack-service trust the steps' Kafka requests, so the caller's job size limits are checked here. */
    private void admitSize(dev.rankforge.eval.plan.StepInstance step, java.util.Set<String> roles) {
        String at = "steps." + step.step() + ".";
        JsonNode spec = step.spec();
        sizes.epochs(roles, at + "params.epochs", intOrNull(spec.path("params").path("epochs")));
        if ("extract".equals(step.kind())) {
            Integer sequences = intOrNull(spec.path("extraction").path("sequences"));
            sizes.sequences(roles, at + "extraction.sequences", sequences);
            sizes.queries(roles, at + "extraction", sequences, intOrNull(spec.path("extraction").path("length")));
        }
        Integer maxUsers = intOrNull(spec.path("params").path("maxUsers"));
        if ("attack".equals(step.kind()) && maxUsers != null && maxUsers > 0) {
            sizes.sequences(roles, at + "params.maxUsers", maxUsers);
        }
    }

    /** A number as the plan gives it (a digit string too, which the step's reader would accept). */
    private static Integer intOrNull(JsonNode value) {
        if (value.isTextual() && value.asText().trim().matches("\\d{1,9}")) {
            return Integer.parseInt(value.asText().trim());
        }
        return value.canConvertToInt() ? value.intValue() : null;
    }
}
