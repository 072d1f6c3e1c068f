package dev.rankforge.eval.step;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rankforge.eval.client.DataServiceApi;
import dev.rankforge.eval.plan.StepInput;
import dev.rankforge.eval.plan.StepSpec;
import dev.rankforge.service.problem.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * {@code dataset}: a dataset version from data-service — generated ({@code synthetic}), imported from a file on
 * data-service's import root ({@code import}), or one already stored ({@code existing}; the CLI uploads a local
 * {@code file} and passes it as existing).
 */
@ApplicationScoped
public class DatasetStep implements StepHandler<DatasetStep.Spec> {
    private final DataServiceApi dataService;

    public DatasetStep(@RestClient DataServiceApi dataService) {
        this.dataService = dataService;
    }

    /** Exactly one of the three sources. */
    public record Spec(@Valid Synthetic synthetic, @Valid Existing existing,
                       @JsonProperty("import") @Valid ServerFile serverFile) implements StepSpec {
        @Override
        public List<StepInput> inputs() {
            return List.of();
        }
    }

    /** Generator settings, as data-service's {@code POST /datasets}. */
    public record Synthetic(@NotNull @Min(10) Integer users, @NotNull @Min(10) Integer items, @Min(2) Integer meanLength,
                            @DecimalMin("0.0") @DecimalMax("3.0") Double zipfExponent,
                            @DecimalMin("0.0") @DecimalMax("1.0") Double sequentialStrength, Long seed) {
    }

    /** A stored version of the experiment's team; its artifact is looked up (and checked when given). */
    public record Existing(@NotNull UUID id, String artifactUri) {
    }

    /** A file under data-service's import root, with ingest options as {@code POST /datasets/import}. */
    public record ServerFile(@NotBlank String path, JsonNode options) {
    }

    @Override
    public String kind() {
        return "dataset";
    }

    @Override
    public Class<Spec> specType() {
        return Spec.class;
    }

    @Override
    public List<FieldError> check(Spec spec) {
        long given = Stream.of(spec.synthetic(), spec.existing(), spec.serverFile()).filter(s -> s != null).count();
        return given == 1 ? List.of()
                : List.of(new FieldError("synthetic", "give exactly one of 'synthetic', 'existing' or 'import'"));
    }

    @Override
    public void start(StepRun run, Spec spec) {
        run.inBackground(() -> {
            String name = run.experimentName() + ":" + run.name();
            DataServiceApi.Dataset d;
            String team = run.team();
            if (spec.existing() != null) {
                // Looked up even when its artifact is given: the version must be the experiment's team's.
                d = dataService.get(spec.existing().id(), team);
                if (spec.existing().artifactUri() != null && !spec.existing().artifactUri().equals(d.artifactUri())) {
                    throw new IllegalArgumentException("dataset " + d.id() + " is stored at " + d.artifactUri()
                            + ", not at the plan's artifactUri");
                }
            } else if (spec.synthetic() != null) {
                Synthetic s = spec.synthetic();
                d = dataService.create(new DataServiceApi.SyntheticBody(name, s.users(), s.items(), s.meanLength(),
                        s.zipfExponent(), s.sequentialStrength(), s.seed()), team);
            } else {
                d = dataService.importFile(new DataServiceApi.ImportBody(name, spec.serverFile().path(),
                        spec.serverFile().options()), team);
            }
            return new StepUpdate.Succeeded(new DatasetOutput(d.id(), d.artifactUri(), d.users(), d.items(),
                    d.interactions()), List.of());
        });
    }
}
