package dev.rankforge.data;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.rankforge.contracts.DatasetReady;
import dev.rankforge.data.messaging.Channels;
import dev.rankforge.infra.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "tester", roles = {"viewer", "researcher", "attacker", "admin"})
@WithTestResource(PostgresTestResource.class)
class DatasetResourceTest {

    @Inject
    @Any
    InMemoryConnector connector;

    private InMemorySink<DatasetReady> events;

    @BeforeEach
    void clearEvents() {
        events = connector.sink(Channels.DATASET_EVENTS);
        events.clear();
    }

    @Test
    void syntheticDatasetIsStoredAnnouncedAndDeduplicated() throws Exception {
        String body = """
                {"name": "tiny", "users": 50, "items": 40, "meanLength": 8, "seed": 5}""";
        String id = given().contentType("application/json").body(body)
                .when().post("/datasets")
                .then().statusCode(201)
                .body("users", equalTo(50))
                .body("items", equalTo(40))
                .body("source", equalTo("SYNTHETIC"))
                .extract().path("id");

        // Sent by the outbox relay once the version committed.
        await().atMost(Duration.ofSeconds(10)).until(() -> events.received().size() == 1);
        DatasetReady ready = events.received().get(0).getPayload();
        assertThat(ready.datasetId()).hasToString(id);
        assertThat(ready.schemaVersion()).isEqualTo(dev.rankforge.contracts.SchemaVersion.CURRENT);
        assertThat(Files.size(Path.of(URI.create(ready.artifactUri())))).isPositive();

        given().contentType("application/json").body(body)
                .when().post("/datasets")
                .then().statusCode(200).body("id", equalTo(id));
        assertThat(events.received()).as("no second announcement for the same content").hasSize(1);

        given().when().get("/datasets/" + id).then().statusCode(200).body("name", equalTo("tiny"));
        given().when().get("/datasets").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void uploadBuildsSequencesInTimeOrderWithStatisticsAndIdMaps() throws Exception {
        // 6 users x 6 items, every user rates every item; user 1 in reverse time order. Gzipped ML-20M csv.
        String ratings = "userId,movieId,rating,timestamp\n" + IntStream.rangeClosed(1, 6).boxed()
                .flatMap(user -> IntStream.rangeClosed(1, 6).mapToObj(item -> user + "," + (100 + item) + ",4.0,"
                        + (user == 1 ? 1000 - item : 1000 + item)))
                .collect(Collectors.joining("\n"));
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(ratings.getBytes());
        }
        String id = given().contentType("application/octet-stream").body(gz.toByteArray())
                .when().post("/datasets/upload?name=ml-fixture")
                .then().statusCode(201)
                .body("users", equalTo(6))
                .body("items", equalTo(6))
                .body("interactions", equalTo(36))
                .body("source", equalTo("UPLOAD"))
                .body("spec.format", equalTo("MOVIELENS_CSV"))
                .body("spec.preprocessing.minUserInteractions", equalTo(5))
                .body("statistics.sequenceLength.p50", equalTo(6))
                .body("statistics.itemPopularityGini", equalTo(0.0f))
                .body("statistics.skippedLines", equalTo(0))
                .extract().path("id");
        await().atMost(Duration.ofSeconds(10)).until(() -> events.received().size() == 1);
        String idMaps = given().when().get("/datasets/" + id).then().extract().path("idMapsUri");
        assertThat(Files.readAllLines(Path.of(URI.create(idMaps)))).contains("user\t0\t1", "item\t1\t101");
        byte[] downloaded = given().when().get("/datasets/" + id + "/artifact").then().statusCode(200)
                .extract().asByteArray();
        String artifactUri = given().when().get("/datasets/" + id).then().extract().path("artifactUri");
        assertThat(downloaded).isEqualTo(Files.readAllBytes(Path.of(URI.create(artifactUri))));
        assertThat(given().when().get("/datasets/" + id + "/id-maps").then().statusCode(200).extract().asString())
                .contains("item\t6\t106");
        // the same content again: the existing version, no new announcement
        given().contentType("application/octet-stream").body(gz.toByteArray())
                .when().post("/datasets/upload?name=ml-fixture-again")
                .then().statusCode(200).body("id", equalTo(id));
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> events.received().size() == 1);
    }

    @Test
    void aDerivedVersionAppendsFakeProfilesWithLineage() {
        String base = given().contentType("application/json")
                .body("{\"name\": \"base\", \"users\": 30, \"items\": 40, \"meanLength\": 6, \"seed\": 9}")
                .when().post("/datasets").then().statusCode(201).extract().path("id");
        given().contentType("application/json")
                .body("{\"name\": \"poisoned\", \"profiles\": [[1, 2, 3, 4], [5, 6, 7]]}")
                .when().post("/datasets/" + base + "/derived")
                .then().statusCode(201)
                .body("users", equalTo(32))
                .body("source", equalTo("DERIVED"))
                .body("baseDatasetId", equalTo(base))
                .body("spec.appendedProfiles", equalTo(2));
        given().contentType("application/json").body("{\"name\": \"bad\", \"profiles\": [[1, 2, 999]]}")
                .when().post("/datasets/" + base + "/derived")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("profiles[0][2]"));
    }

    @Test
    void aVersionInUseCannotBeDeletedAndAnUnusedOneIsDeletedWithItsArtifact() throws Exception {
        String unused = synthetic("unused", 11);
        String artifact = given().when().get("/datasets/" + unused).then().extract().path("artifactUri");
        given().when().delete("/datasets/" + unused).then().statusCode(204);
        given().when().get("/datasets/" + unused).then().statusCode(404);
        assertThat(Files.exists(Path.of(URI.create(artifact)))).isFalse();

        String used = synthetic("used", 12);
        java.util.UUID job = java.util.UUID.randomUUID();
        connector.source(Channels.TRAINING_EVENTS).send(new dev.rankforge.contracts.TrainingEvent(
                dev.rankforge.contracts.SchemaVersion.CURRENT, job, dev.rankforge.contracts.TrainingKind.TRAIN,
                java.util.UUID.fromString(used), dev.rankforge.contracts.JobStatus.QUEUED, 0, 5, null, null, null, null,
                null, null, null, null, null, null, java.time.Instant.now()));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                given().when().delete("/datasets/" + used).then().statusCode(409)
                        .contentType("application/problem+json")
                        .body("detail", containsString("training-job " + job)));
        given().when().get("/datasets/" + used).then().statusCode(200);

        String base = synthetic("base-of-derived", 13);
        given().contentType("application/json").body("{\"name\": \"child\", \"profiles\": [[1, 2, 3]]}")
                .when().post("/datasets/" + base + "/derived").then().statusCode(201);
        given().when().delete("/datasets/" + base).then().statusCode(409)
                .body("detail", containsString("derived version"));
    }

    private static String synthetic(String name, int seed) {
        return given().contentType("application/json")
                .body("{\"name\": \"" + name + "\", \"users\": 20, \"items\": 30, \"meanLength\": 6, \"seed\": "
                        + seed + "}")
                .when().post("/datasets").then().statusCode(201).extract().path("id");
    }

    @Test
    void skippedLinesAreCountedAndReported() {
        String lines = "1 10\n1 11\n1 12\nbroken\n2 10\n2 11\n2 12\n";
        given().contentType("text/plain").body(lines)
                .when().post("/datasets/upload?name=skip&format=user-item&onMalformed=skip&minUserInteractions=3"
                        + "&minItemInteractions=1")
                .then().statusCode(201)
                .body("statistics.skippedLines", equalTo(1))
                .body("statistics.skippedExamples[0]", containsString("line 4"));
    }

    @Test
    void twoIdenticalUploadsAtOnceMakeOneVersion() throws Exception {
        String lines = IntStream.range(0, 2000).mapToObj(i -> (i % 50) + " " + (i % 37) + " ")
                .collect(Collectors.joining("\n"));
        long before = count();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.Callable<String> upload = () -> given().contentType("text/plain").body(lines)
                .when().post("/datasets/upload?name=race&format=user-item&keepDuplicates=true")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().path("id");
        var a = pool.submit(upload);
        var b = pool.submit(upload);
        assertThat(a.get()).isEqualTo(b.get());
        pool.shutdown();
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void badUploadsAreRefusedWithProblemJsonAndLeaveTablesAndArtifactsAsTheyWere() throws Exception {
        long before = count();
        long files = artifactFiles();
        refused(upload("name=bad&format=movielens-dat", "1::2::5::978300760\n1::oops::5\n".getBytes()),
                "body", "line 2");
        refused(upload("name=bad", "1::10::5::1\n2::caf\u00e9::5::2\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)),
                "body", "UTF-8");
        refused(upload("name=empty", new byte[0]), "body", "empty");
        refused(upload("name=header", "userId,movieId,rating,timestamp\n".getBytes()), "body", "no interactions");
        refused(upload("name=what", "this is not an interaction log\n".getBytes()), "format", "cannot tell");
        refused(upload("name=what&format=parquet", "1 2\n".getBytes()), "format", "unknown format");
        refused(upload("name=../../etc/passwd", "1 2\n".getBytes()), "name", "slashes");
        refused(upload("name=x&onMalformed=ignore", "1 2\n".getBytes()), "onMalformed", "fail or skip");
        byte[] big = new byte[300_000];
        java.util.Arrays.fill(big, (byte) '1');
        given().contentType("application/octet-stream").body(big).when().post("/datasets/upload?name=big")
                .then().statusCode(413).contentType("application/problem+json");
        given().contentType("application/json").body("{\"name\": \"x\", \"path\": \"../../../etc/passwd\"}")
                .when().post("/datasets/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("path"));
        assertThat(count()).isEqualTo(before);
        assertThat(artifactFiles()).as("nothing half-written stays behind").isEqualTo(files);
        assertThat(events.received()).isEmpty();
    }

    @Test
    void serverSideImportReadsFromTheImportRoot() throws Exception {
        Path root = Path.of("target/import-root");
        Files.createDirectories(root.resolve("amazon"));
        StringBuilder json = new StringBuilder();
        for (int u = 0; u < 4; u++) {
            for (int i = 0; i < 4; i++) {
                json.append("{\"reviewerID\": \"U").append(u).append("\", \"asin\": \"B0").append(i)
                        .append("\", \"overall\": 5.0, \"unixReviewTime\": ").append(100 + i).append("}\n");
            }
        }
        Files.writeString(root.resolve("amazon/reviews.json"), json);
        given().contentType("application/json")
                .body("{\"name\": \"amazon\", \"path\": \"amazon/reviews.json\", \"options\": "
                        + "{\"minUserInteractions\": 3, \"minItemInteractions\": 1}}")
                .when().post("/datasets/import")
                .then().statusCode(201).body("spec.format", equalTo("AMAZON_JSON")).body("users", equalTo(4));
    }

    private static io.restassured.response.Response upload(String query, byte[] body) {
        return given().contentType("application/octet-stream").body(body).when().post("/datasets/upload?" + query);
    }

    private static void refused(io.restassured.response.Response response, String field, String reason) {
        response.then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("detail", containsString(reason));
    }

    private static long artifactFiles() throws java.io.IOException {
        Path root = Path.of("target/artifacts");
        if (!Files.exists(root)) {
            return 0;
        }
        try (var files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private long count() {
        return given().when().get("/datasets").then().statusCode(200).extract().jsonPath().getList("id").size();
    }
}
