package dev.rankforge.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a service's OpenAPI document and lists the operations that declare no security requirement: the role test
 * of every service asserts that only its short public list does.
 */
public final class OpenApiSecurity {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private OpenApiSecurity() {
    }

    /** Every operation as {@code "METHOD /path"}, each with whether it requires a security scheme. */
    public static Map<String, Boolean> operations(String openApiJson) throws IOException {
        JsonNode paths = new ObjectMapper().readTree(openApiJson).path("paths");
        Map<String, Boolean> out = new java.util.TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = paths.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fields().forEachRemaining(op -> {
                if (METHODS.contains(op.getKey())) {
                    JsonNode security = op.getValue().path("security");
                    out.put(op.getKey().toUpperCase() + " " + path.getKey(), security.isArray() && !security.isEmpty());
                }
            });
        }
        return out;
    }

    /** The operations that require no role, outside {@code publicOperations}. */
    public static List<String> unsecured(String openApiJson, Set<String> publicOperations) throws IOException {
        List<String> out = new ArrayList<>();
        operations(openApiJson).forEach((op, secured) -> {
            if (!secured && !publicOperations.contains(op)) {
                out.add(op);
            }
        });
        return out;
    }
}
