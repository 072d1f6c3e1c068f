package dev.rankforge.eval.rest;

import dev.rankforge.eval.Experiment;
import dev.rankforge.eval.ExperimentStep;
import dev.rankforge.eval.mapping.EvalMapper;
import dev.rankforge.eval.service.ExperimentOrchestrator;
import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Experiments: run the plan dataset → train → evaluate → attack and follow every step. */
@Path("/experiments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "experiments")
@Blocking
public class ExperimentResource {
    private final ExperimentOrchestrator orchestrator;
    private final EvalMapper mapper;

    public ExperimentResource(ExperimentOrchestrator orchestrator, EvalMapper mapper) {
        this.orchestrator = orchestrator;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start an experiment (202); follow it at the returned location")
    public Response create(@Valid @NotNull ExperimentRequest request) {
        Experiment experiment = orchestrator.create(request);
        return Response.accepted(view(experiment.id)).location(URI.create("/experiments/" + experiment.id)).build();
    }

    @GET
    @Operation(summary = "List experiments, newest first (without step details)")
    public List<ExperimentView> list() {
        return Experiment.<Experiment>list("order by createdAt desc").stream()
                .map(e -> mapper.toView(e, List.of())).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One experiment: every step's status, progress and results")
    public ExperimentView get(@PathParam("id") UUID id) {
        return view(id);
    }

    private ExperimentView view(UUID id) {
        Experiment experiment = Experiment.findById(id);
        if (experiment == null) {
            throw new NotFoundException("experiment " + id + " does not exist");
        }
        return mapper.toView(experiment, ExperimentStep.ofExperiment(id));
    }
}
