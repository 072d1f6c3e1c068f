package dev.rankforge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An experiment plan read from a YAML or JSON file (YAML is a superset of JSON). A {@code dataset} step may name
 * a local interaction file ({@code file: path}, relative to the plan's folder or absolute): it is uploaded to
 * data-service first and the step becomes {@code existing}.
 */
public final class PlanFile {
    private static final YAMLMapper YAML = new YAMLMapper();

    private PlanFile() {
    }

    public static ObjectNode read(Path file) throws IOException {
        JsonNode plan;
        try {
            plan = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot read plan " + file + ": " + e.getMessage(), e);
        }
        if (plan == null || !plan.isObject()) {
            throw new IOException("plan " + file + " is not a mapping {name, matrix, steps}");
        }
        return (ObjectNode) plan;
    }

    /** Uploads every {@code file:} dataset and rewrites the step to {@code existing}; prints what it uploads. */
    public static void uploadFiles(ObjectNode plan, Path planDir, RankforgeClient client, String dataUrl)
            throws IOException, InterruptedException {
        JsonNode steps = plan.path("steps");
        for (Map.Entry<String, JsonNode> step : iterable(steps)) {
            JsonNode spec = step.getValue();
            if (!"dataset".equals(spec.path("kind").asText()) || !spec.has("file")) {
                continue;
            }
            Path file = Path.of(spec.path("file").asText());
            if (!file.isAbsolute()) {
                file = Files.exists(file) ? file : planDir.resolve(file);
            }
            if (!Files.isReadable(file)) {
                throw new IOException("steps." + step.getKey() + ".file: cannot read " + file);
            }
            System.out.println("  uploading " + file + " (" + Files.size(file) / 1024 + " KiB) for step " + step.getKey() + " ...");
            JsonNode stored = client.uploadRatings(dataUrl, file, plan.path("name").asText("plan") + ":" + step.getKey());
            System.out.printf("  dataset %s: %d users, %d items, %d interactions%n", stored.path("id").asText(),
                    stored.path("users").asInt(), stored.path("items").asInt(), stored.path("interactions").asLong());
            ObjectNode rewritten = ((ObjectNode) spec);
            rewritten.remove("file");
            rewritten.putObject("existing").put("id", stored.path("id").asText())
                    .put("artifactUri", stored.path("artifactUri").asText());
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
