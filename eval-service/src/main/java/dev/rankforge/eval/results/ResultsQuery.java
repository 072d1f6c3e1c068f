package dev.rankforge.eval.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.rankforge.eval.Experiment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/** Reads the results store with optional filters, as JSON views or CSV rows. */
@ApplicationScoped
public class ResultsQuery {
    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema SCHEMA = CSV.schemaFor(CsvRow.class).withHeader();

    /** A flat CSV line: bindings as {@code var=value;…}, lineage as {@code a<b<…}. */
    @JsonPropertyOrder({"experimentId", "experiment", "step", "kind", "subject", "modelId", "metric", "k", "protocol",
            "split", "value", "datasetId", "seed", "bindings", "lineage"})
    public record CsvRow(String experimentId, String experiment, String step, String kind, String subject,
                         String modelId, String metric, Integer k, String protocol, String split, double value,
                         String datasetId, Long seed, String bindings, String lineage) {
    }

    /**
     * Every stored number matching the filters (each {@code null} = any), in recording order; {@code team}: only
     * the results of that team's experiments.
     */
    public List<ResultView> of(UUID experimentId, String metric, String protocol, String kind, String team) {
        StringJoiner where = new StringJoiner(" and ");
        Map<String, Object> params = new HashMap<>();
        if (team != null) {
            where.add("experimentId in (select e.id from Experiment e where e.team = :team)");
            params.put("team", team);
        }
        if (experimentId != null) {
            where.add("experimentId = :experiment");
            params.put("experiment", experimentId);
        }
        if (metric != null) {
            where.add("metric = :metric");
            params.put("metric", metric);
        }
        if (protocol != null) {
            where.add("protocol = :protocol");
            params.put("protocol", protocol);
        }
        if (kind != null) {
            where.add("kind = :kind");
            params.put("kind", kind);
        }
        String query = (params.isEmpty() ? "" : where + " ") + "order by id";
        List<ExperimentResult> rows = ExperimentResult.list(query, params);
        Map<UUID, String> names = new HashMap<>();
        List<ResultView> out = new ArrayList<>();
        for (ExperimentResult r : rows) {
            String name = names.computeIfAbsent(r.experimentId,
                    id -> java.util.Optional.ofNullable(Experiment.<Experiment>findById(id)).map(e -> e.name).orElse(null));
            out.add(new ResultView(r.experimentId, name, r.step, r.kind, r.subject, r.modelId, r.metric, r.k,
                    r.protocol, r.split, r.value, r.datasetId, r.seed, r.bindings, r.lineage, r.recordedAt));
        }
        return out;
    }

    /** JSON, or CSV when asked by {@code format=csv} or an Accept header preferring {@code text/csv}. */
    public Response respond(List<ResultView> results, String format, String accept) {
        boolean csv = "csv".equalsIgnoreCase(format)
                || (format == null && accept != null && accept.contains("text/csv") && !accept.contains("json"));
        if (!csv) {
            return Response.ok(results, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(toCsv(results), "text/csv").build();
    }

    public static String toCsv(List<ResultView> results) {
        List<CsvRow> rows = results.stream().map(r -> {
            StringJoiner bindings = new StringJoiner(";");
            if (r.bindings() != null) {
                r.bindings().forEach((k, v) -> bindings.add(k + "=" + v.asText()));
            }
            return new CsvRow(str(r.experimentId()), r.experiment(), r.step(), r.kind(), r.subject(), str(r.modelId()),
                    r.metric(), r.k(), r.protocol(), r.split(), r.value(), str(r.datasetId()), r.seed(),
                    bindings.toString(), r.lineage() == null ? "" : String.join("<", r.lineage()));
        }).toList();
        try {
            return CSV.writer(SCHEMA).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
