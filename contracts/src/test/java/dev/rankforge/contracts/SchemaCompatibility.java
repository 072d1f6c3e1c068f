package dev.rankforge.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What in a new JSON Schema of a message breaks a consumer built against the recorded one: a property removed (or
 * renamed), a type changed, an enum value removed, at any depth ({@code $ref}s into {@code $defs} followed).
 * Added properties and enum values are compatible (consumers ignore unknown properties; deploy consumers before
 * producers that send a new enum value).
 */
final class SchemaCompatibility {
    private SchemaCompatibility() {
    }

    /** Every breaking difference, each naming its path; empty when {@code now} can replace {@code recorded}. */
    static List<String> breaks(JsonNode recorded, JsonNode now) {
        List<String> out = new ArrayList<>();
        compare(resolve(recorded, recorded), resolve(now, now), "$", recorded, now, out, new TreeSet<>());
        return out;
    }

    private static void compare(JsonNode old, JsonNode neu, String path, JsonNode oldRoot, JsonNode newRoot,
                                List<String> out, Set<String> seen) {
        if (!seen.add(path + "|" + old.hashCode())) {
            return; // a recursive definition already compared on this path
        }
        Set<String> oldTypes = types(old);
        Set<String> newTypes = types(neu);
        if (!oldTypes.isEmpty() && !newTypes.containsAll(oldTypes)) {
            out.add(path + ": type " + oldTypes + " became " + newTypes);
            return;
        }
        if (old.has("enum")) {
            Set<String> newValues = values(neu.path("enum"));
            for (String value : values(old.path("enum"))) {
                if (!newValues.contains(value)) {
                    out.add(path + ": enum value " + value + " removed");
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = old.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode replacement = neu.path("properties").get(property.getKey());
            String at = path + "." + property.getKey();
            if (replacement == null) {
                out.add(at + ": removed");
            } else {
                compare(resolve(property.getValue(), oldRoot), resolve(replacement, newRoot), at, oldRoot, newRoot,
                        out, seen);
            }
        }
        if (old.has("items")) {
            compare(resolve(old.get("items"), oldRoot), resolve(neu.path("items"), newRoot), path + "[]", oldRoot,
                    newRoot, out, seen);
        }
        if (old.has("additionalProperties") && old.get("additionalProperties").isObject()) {
            compare(resolve(old.get("additionalProperties"), oldRoot), resolve(neu.path("additionalProperties"),
                    newRoot), path + "{}", oldRoot, newRoot, out, seen);
        }
    }

    /** The schema a {@code $ref} points to (within the same document), or the node itself. */
    private static JsonNode resolve(JsonNode node, JsonNode root) {
        JsonNode current = node;
        for (int hops = 0; hops < 20 && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            current = ref.equals("#") ? root : root.at(ref.substring(1));
        }
        return current;
    }

    private static Set<String> types(JsonNode schema) {
        return values(schema.path("type"));
    }

    private static Set<String> values(JsonNode node) {
        Set<String> out = new TreeSet<>();
        if (node.isArray()) {
            node.forEach(v -> out.add(v.asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            out.add(node.asText());
        }
        return out;
    }
}
