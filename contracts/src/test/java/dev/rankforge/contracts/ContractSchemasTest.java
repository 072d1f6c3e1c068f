package dev.rankforge.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each message's JSON Schema, generated from its record, is recorded in {@code contracts/schemas/}; a change that
 * would break a consumer built against the recorded schema fails here, so one team cannot break another's consumer.
 * A compatible change fails too until it is recorded: {@code ./mvnw -pl contracts test -Dcontracts.schemas.update=true}
 * (which refuses breaking changes just the same).
 */
class ContractSchemasTest {
    private static final Path DIRECTORY = Path.of("schemas");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final boolean UPDATE = Boolean.getBoolean("contracts.schemas.update");

    static List<Class<?>> messages() {
        return List.of(DatasetReady.class, TrainingRequest.class, TrainingEvent.class, AttackRequest.class,
                AttackEvent.class, EvalRequest.class, EvalEvent.class);
    }

    @ParameterizedTest
    @MethodSource("messages")
    void everyMessageKeepsItsRecordedSchemaCompatible(Class<?> message) throws Exception {
        JsonNode now = schema(message);
        Path file = DIRECTORY.resolve(message.getSimpleName() + ".schema.json");
        if (!Files.exists(file)) {
            record(file, now, message);
            return;
        }
        JsonNode recorded = JSON.readTree(file.toFile());
        assertThat(SchemaCompatibility.breaks(recorded, now)).as("changes to %s that break its consumers",
                message.getSimpleName()).isEmpty();
        if (!recorded.equals(now)) {
            record(file, now, message);
        }
    }

    @Test
    void theCheckFindsRemovedAndRetypedPropertiesAndAcceptsAddedOnes() throws Exception {
        JsonNode recorded = JSON.readTree("""
                {"type": "object", "properties": {"jobId": {"type": "string"}, "epochs": {"type": "integer"},
                 "status": {"type": "string", "enum": ["QUEUED", "RUNNING"]},
                 "params": {"$ref": "#/$defs/P"}}, "$defs": {"P": {"type": "object", "properties": {"k": {"type": "integer"}}}}}""");
        JsonNode added = JSON.readTree("""
                {"type": "object", "properties": {"jobId": {"type": "string"}, "epochs": {"type": "integer"},
                 "status": {"type": "string", "enum": ["QUEUED", "RUNNING", "PAUSED"]}, "team": {"type": "string"},
                 "params": {"type": "object", "properties": {"k": {"type": "integer"}, "seed": {"type": "integer"}}}}}""");
        assertThat(SchemaCompatibility.breaks(recorded, added)).isEmpty();
        JsonNode broken = JSON.readTree("""
                {"type": "object", "properties": {"job": {"type": "string"}, "epochs": {"type": "string"},
                 "status": {"type": "string", "enum": ["QUEUED"]},
                 "params": {"type": "object", "properties": {"k": {"type": "number"}}}}}""");
        assertThat(SchemaCompatibility.breaks(recorded, broken)).containsExactlyInAnyOrder(
                "$.jobId: removed", "$.epochs: type [integer] became [string]", "$.status: enum value RUNNING removed",
                "$.params.k: type [integer] became [number]");
    }

    private static void record(Path file, JsonNode schema, Class<?> message) throws Exception {
        if (!UPDATE) {
            fail("the schema of " + message.getSimpleName() + " changed compatibly (or is new); record it with "
                    + "./mvnw -pl contracts test -Dcontracts.schemas.update=true and commit " + file);
        }
        Files.createDirectories(DIRECTORY);
        Files.writeString(file, JSON.writeValueAsString(schema) + "\n");
    }

    /** The record's schema as Jackson writes it: its components, with their Java types. */
    static JsonNode schema(Class<?> message) {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(
                com.github.victools.jsonschema.generator.SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON);
        return new SchemaGenerator(config.build()).generateSchema(message);
    }
}
