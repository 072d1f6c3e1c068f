package dev.rankforge.data.rest;

import dev.rankforge.service.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.rankforge.core.data.SyntheticSpec;
import dev.rankforge.data.Dataset;
import dev.rankforge.data.config.DataServiceConfig;
import dev.rankforge.data.ingest.MalformedInputException;
import jakarta.ws.rs.BeanParam;
import dev.rankforge.data.mapping.DatasetMapper;
import dev.rankforge.data.service.DatasetService;
import dev.rankforge.data.service.ImportRoot;
import dev.rankforge.service.problem.InvalidRequestException;
import dev.rankforge.service.team.TeamScope;
import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Dataset versions: create (synthetic or uploaded), list and inspect; each caller sees its own team's only. */
@Path("/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "datasets")
@Blocking
public class DatasetResource {
    private final DatasetService service;
    private final DatasetMapper mapper;
    private final DataServiceConfig config;
    private final dev.rankforge.service.artifact.ArtifactStore artifacts;
    private final TeamScope teams;
    private final ImportRoot importRoot;

    public DatasetResource(DatasetService service, DatasetMapper mapper, DataServiceConfig config,
                           dev.rankforge.service.artifact.ArtifactStore artifacts, TeamScope teams,
                           ImportRoot importRoot) {
        this.service = service;
        this.teams = teams;
        this.importRoot = importRoot;
        this.mapper = mapper;
        this.config = config;
        this.artifacts = artifacts;
    }

    @RolesAllowed(Roles.RESEARCHER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Generate a synthetic dataset (power-law popularity plus sequential signal)")
    public Response createSynthetic(@Valid @NotNull SyntheticDatasetRequest request) throws IOException {
        if (request.users() > config.maxSyntheticUsers()) {
            throw new InvalidRequestException("users", "must be at most " + config.maxSyntheticUsers());
        }
        int meanLength = request.meanLength() == null ? 20 : request.meanLength();
        if (meanLength > request.items() / 2) {
            throw new InvalidRequestException("meanLength", "must be at most items/2 = " + request.items() / 2);
        }
        SyntheticSpec spec = new SyntheticSpec(request.users(), request.items(), meanLength,
                request.zipfExponent() == null ? 1.0 : request.zipfExponent(),
                request.sequentialStrength() == null ? 0.7 : request.sequentialStrength(),
                request.seed() == null ? 42L : request.seed());
        return created(service.createSynthetic(teams.team(), request.name(), spec));
    }

    @RolesAllowed(Roles.RESEARCHER)
    @POST
    @Path("/upload")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Upload an interaction file as the request body (streamed; plain, gzip or zip); "
            + "the format is detected unless declared")
    public Response upload(@QueryParam("name") @NotBlank @Size(max = 200) String name,
                           @QueryParam("fileName") @Size(max = 255) String fileName,
                           @BeanParam IngestQuery query, InputStream body) throws IOException {
        checkName(name);
        IngestSettings settings = IngestSettings.resolve(query.options(), fileName, config);
        return ingest(name, new UploadLimit(body, config.maxUploadBytes()), settings);
    }

    @RolesAllowed(Roles.RESEARCHER)
    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import an interaction file already on the server, under the configured import root")
    public Response importFile(@Valid @NotNull ImportRequest request) throws IOException {
        checkName(request.name());
        java.nio.file.Path file = importRoot.file(request.path());
        IngestSettings settings = IngestSettings.resolve(request.options(), file.getFileName().toString(), config);
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return ingest(request.name(), in, settings);
        }
    }

    @RolesAllowed(Roles.RESEARCHER)
    @POST
    @Path("/{id}/derived")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A new version: the base plus appended fake user profiles (data poisoning), with lineage")
    public Response derive(@PathParam("id") UUID id, @Valid @NotNull DerivedDatasetRequest request) throws IOException {
        checkName(request.name());
        Dataset base = found(id);
        int[][] profiles = new int[request.profiles().size()][];
        for (int p = 0; p < profiles.length; p++) {
            List<Integer> profile = request.profiles().get(p);
            profiles[p] = new int[profile.size()];
            for (int i = 0; i < profile.size(); i++) {
                int item = profile.get(i);
                if (item < 1 || item > base.items) {
                    throw new InvalidRequestException("profiles[" + p + "][" + i + "]",
                            "item id must be between 1 and " + base.items);
                }
                profiles[p][i] = item;
            }
        }
        return created(service.derive(base, request.name(), profiles));
    }

    private Response ingest(String name, InputStream in, IngestSettings settings) throws IOException {
        try {
            return created(service.createFromFile(teams.team(), name, in, settings.reading(), settings.preprocessing()));
        } catch (MalformedInputException e) {
            throw new InvalidRequestException(e.field(), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("body", e.getMessage());
        }
    }

    /** Names are labels only (artifacts are content-addressed), but control characters and paths are refused. */
    private static void checkName(String name) {
        if (name != null && (name.chars().anyMatch(Character::isISOControl) || name.contains("/")
                || name.contains("\\") || name.contains(".."))) {
            throw new InvalidRequestException("name", "must not contain control characters, slashes or '..'");
        }
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Operation(summary = "List the team's dataset versions, newest first")
    public List<DatasetView> list() {
        List<Dataset> datasets = teams.seesAll() ? Dataset.list("order by createdAt desc")
                : Dataset.list("team = ?1 order by createdAt desc", teams.team());
        return datasets.stream().map(mapper::toView).toList();
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/{id}")
    @Operation(summary = "One dataset version with its statistics")
    public DatasetView get(@PathParam("id") UUID id) {
        return mapper.toView(found(id));
    }

    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a version that nothing uses (409 while a training job, model or derived version "
            + "references it)")
    public Response delete(@PathParam("id") UUID id) throws IOException {
        service.delete(found(id));
        return Response.noContent().build();
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/{id}/artifact")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Download the version's sequence file (RFSQ format, see the service README)")
    public Response artifact(@PathParam("id") UUID id) throws IOException {
        return download(found(id).artifactUri, id + ".rfsq");
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/{id}/id-maps")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Download the original ↔ dense id maps of an uploaded version")
    public Response idMaps(@PathParam("id") UUID id) throws IOException {
        Dataset d = found(id);
        if (d.idMapsUri == null) {
            throw new NotFoundException("dataset " + id + " is synthetic: it has no original ids");
        }
        return download(d.idMapsUri, id + "-id-maps.tsv");
    }

    /** The version, or 404 when there is none the caller's team may see. */
    private Dataset found(UUID id) {
        return teams.visible(Dataset.findById(id), (Dataset d) -> d.team, "dataset", id);
    }

    private Response download(String uri, String fileName) throws IOException {
        InputStream in = artifacts.open(uri);
        return Response.ok((jakarta.ws.rs.core.StreamingOutput) out -> {
            try (in) {
                in.transferTo(out);
            }
        }).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    private Response created(DatasetService.Created result) {
        DatasetView view = mapper.toView(result.dataset());
        return result.isNew()
                ? Response.created(URI.create("/datasets/" + view.id())).entity(view).build()
                : Response.ok(view).build();
    }
}
