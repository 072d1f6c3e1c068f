package dev.rankforge.attack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.rankforge.attack.messaging.Channels;
import dev.rankforge.contracts.AttackEvent;
import dev.rankforge.contracts.AttackParams;
import dev.rankforge.contracts.AttackRequest;
import dev.rankforge.contracts.BlackBoxTarget;
import dev.rankforge.contracts.JobStatus;
import dev.rankforge.contracts.SchemaVersion;
import dev.rankforge.service.artifact.ArtifactStore;
import dev.rankforge.service.artifact.StoredArtifact;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SequenceFile;
import dev.rankforge.core.data.SyntheticGenerator;
import dev.rankforge.core.data.SyntheticSpec;
import dev.rankforge.core.extract.ListDistillation;
import dev.rankforge.core.extract.QueryGenerator;
import dev.rankforge.core.extract.QuerySet;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.core.nn.Architectures;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.train.Checkpointing;
import dev.rankforge.core.train.SequenceTrainer;
import dev.rankforge.core.train.TrainConfig;
import dev.rankforge.core.train.ProgressListener;
import dev.rankforge.infra.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Attack jobs end to end in the service: a victim and a surrogate extracted from its answers are trained in the
 * test; the request arrives over (in-memory) Kafka; attack-service loads the surrogate through the registry and
 * queries the victim over HTTP only.
 */
@QuarkusTest
@TestSecurity(user = "tester", roles = {"viewer", "researcher", "attacker", "admin"})
@WithTestResource(PostgresTestResource.class)
class AttackFlowTest {
    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    ArtifactStore artifacts;

    private static final SequenceDataset DATA = SyntheticGenerator.generate(new SyntheticSpec(300, 60, 12, 1.0, 0.9, 4));

    @Test
    void gradientPollutionFromKafkaRaisesTheTargetsAndCountsEveryQuery() throws Exception {
        ScoringModel victim = new SequenceTrainer(new TrainConfig(10, 32, 5e-3f, 0f, 5f, 10, 0, 3, "cpu"))
                .train(new ModelSpec(Architectures.GRU4REC, DATA.numItems(), 32, 32, 20), DATA,
                        ProgressListener.NONE, () -> false).model();
        UUID jobId = pollutes(victim, true);
        given().get("/attack-jobs").then().statusCode(200).body("id", hasItem(jobId.toString()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(given().get("/q/metrics").then()
                .statusCode(200).extract().asString()).as("attack jobs by state, victim queries by outcome")
                .containsPattern("rankforge_jobs\\{state=\"SUCCEEDED\",type=\"attack\"} [1-9]")
                .containsPattern("rankforge_blackbox_requests_seconds_count\\{host=\"localhost\",outcome=\"answered\"} [1-9]"));
    }

    /** The retrieval stage as the victim: a two-tower model answering from its item index, attacked the same way. */
    @Test
    void aTwoTowerVictimServedFromItsItemIndexIsPollutedTheSameWay() throws Exception {
        ScoringModel victim = new SequenceTrainer(new TrainConfig(10, 32, 5e-3f, 0f, 5f, 10, 0, 3, "cpu"))
                .train(new ModelSpec(Architectures.TWO_TOWER, DATA.numItems(), 32, 32, 20, 1, 1, 0.1f, "mean", 0.1f),
                        DATA, ProgressListener.NONE, () -> false).model();
        victim.serveFrom(victim.buildIndex());
        // What pollution gains against a retriever is measured on ML-1M (bench two-tower-ml1m, attacks): on this tiny
        // catalogue a GRU4Rec surrogate's picks need not move a mean-pooling tower's ranking, so only the run is checked.
        pollutes(victim, false);
    }

    /**
     * A GRU4Rec surrogate extracted from the victim's answers, then gradient pollution of three targets requested
     * over Kafka and measured through the victim's black-box API; returns the job's id.
     *
     * @param gains whether the targets must rank higher after pollution (uniform-100 NDCG@10, averaged)
     */
    private UUID pollutes(ScoringModel victim, boolean gains) throws Exception {
        StoredArtifact dataset = artifacts.put("datasets", ".rfsq", out -> SequenceFile.write(DATA, out));
        UUID victimId = UUID.randomUUID();
        UUID surrogateId = UUID.randomUUID();
        QuerySet queries = QueryGenerator.generate(new QueryGenerator.Spec(QueryGenerator.Strategy.AUTOREGRESSIVE,
                150, 12, 20, 5, 100), DATA.numItems(), victim.asBlackBox(), n -> { }, () -> false);
        ScoringModel surrogate = new ListDistillation(new TrainConfig(8, 64, 5e-3f, 0f, 5f, 8, 0, 3, "cpu"))
                .train(new ModelSpec(Architectures.GRU4REC, DATA.numItems(), 32, 32, 20), queries,
                        new ListDistillation.Settings("margin-rank", 20, 4), r -> { }, () -> false, Checkpointing.NONE)
                .model();
        StoredArtifact surrogateArtifact = artifacts.put("models", ".rfmd", surrogate::save);
        TestTrainerResource.MODELS.put(victimId, victim);
        TestTrainerResource.MODELS.put(surrogateId, surrogate);
        TestTrainerResource.ARTIFACTS.put(surrogateId, surrogateArtifact.uri());
        TestTrainerResource.ARTIFACTS.put(victimId, "never read: the victim is a black box");

        InMemorySink<AttackEvent> events = connector.sink(Channels.ATTACK_EVENTS);
        events.clear();
        long queriesBefore = TestTrainerResource.QUERIES.get();
        UUID jobId = UUID.randomUUID();
        AttackRequest request = new AttackRequest(SchemaVersion.CURRENT, jobId, "pollution",
                BlackBoxTarget.ourModel(victimId), surrogateId, UUID.randomUUID(), dataset.uri(), null,
                new AttackParams("gradient", 4, 60, 3, true, 5, null, 7L, null, null, null), null);
        connector.source(Channels.ATTACK_REQUESTS).send(request);
        connector.source(Channels.ATTACK_REQUESTS).send(request); // redelivery: still one job

        await().atMost(Duration.ofSeconds(120)).until(() -> events.received().stream()
                .anyMatch(m -> m.getPayload().jobId().equals(jobId) && m.getPayload().status().isTerminal()));
        List<AttackEvent> ours = events.received().stream().map(m -> m.getPayload())
                .filter(e -> e.jobId().equals(jobId)).toList();
        AttackEvent done = ours.get(ours.size() - 1);
        assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.knowledge()).isEqualTo("SURROGATE");
        assertThat(done.results()).hasSize(3);
        assertThat(ours.stream().filter(e -> e.status() == JobStatus.RUNNING).count())
                .as("claimed, measuring, then one per target").isEqualTo(5);
        // at most 60 users per target: those who have not seen it (few, for the most popular item)
        assertThat(done.results()).allSatisfy(r -> assertThat(r.users()).isBetween(1, 60));
        long users = done.results().stream().mapToLong(AttackEvent.TargetResult::users).sum();
        assertThat(done.queries()).as("top-10 and candidate ranking, before and after, per user and target")
                .isEqualTo(4 * users).isEqualTo(TestTrainerResource.QUERIES.get() - queriesBefore);
        // How much each chooser gains is ranking-core's ProfilePollutionTest; here the service's measurements.
        assertThat(done.meanAfter()).containsKeys("full-ranking", "uniform-100");
        if (gains) {
            assertThat(done.meanAfter().get("uniform-100").get("ndcg@10")).as("the paper's protocol, after pollution")
                    .isGreaterThan(done.meanBefore().get("uniform-100").get("ndcg@10"));
        }

        given().get("/attack-jobs/" + jobId).then().statusCode(200)
                .body("status", equalTo("SUCCEEDED"))
                .body("chooser", equalTo("gradient"))
                .body("victim.modelId", equalTo(victimId.toString()))
                .body("results.size()", equalTo(3));
        return jobId;
    }

    @Test
    void aRunningAttackCancelledStopsAtItsNextTargetKeepingWhatItMeasured() throws Exception {
        SequenceDataset data = SyntheticGenerator.generate(new SyntheticSpec(300, 80, 12, 1.0, 0.9, 5));
        StoredArtifact dataset = artifacts.put("datasets", ".rfsq", out -> SequenceFile.write(data, out));
        UUID victimId = UUID.randomUUID();
        ScoringModel victim = new SequenceTrainer(new TrainConfig(2, 64, 5e-3f, 0f, 5f, 2, 0, 3, "cpu"))
                .train(new ModelSpec(Architectures.GRU4REC, data.numItems(), 16, 16, 20), data,
                        ProgressListener.NONE, () -> false).model();
        TestTrainerResource.MODELS.put(victimId, victim);
        TestTrainerResource.ARTIFACTS.put(victimId, "never read: the victim is a black box");
        String jobId = given().contentType("application/json").body(Map.of("method", "pollution",
                        "victim", Map.of("modelId", victimId.toString()), "datasetId", UUID.randomUUID().toString(),
                        "datasetUri", dataset.uri(),
                        "params", Map.of("chooser", "random", "targetCount", 60, "maxUsers", 100)))
                .when().post("/attack-jobs").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(120)).until(() -> given().get("/attack-jobs/" + jobId).then().extract()
                .<List<?>>path("results").size() >= 1);

        given().post("/attack-jobs/" + jobId + "/cancel").then().statusCode(200).body("id", equalTo(jobId));
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/attack-jobs/" + jobId).then().extract()
                .<String>path("status").equals("CANCELLED"));
        int measured = given().get("/attack-jobs/" + jobId).then().extract().<List<?>>path("results").size();
        assertThat(measured).as("stopped between targets, what it measured kept").isBetween(1, 59);
        // An ended job is left as it is; an unknown one is a 404.
        given().post("/attack-jobs/" + jobId + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().post("/attack-jobs/" + UUID.randomUUID() + "/cancel").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badSpecsAreRefusedNamingTheFieldAndStoreNothing() throws Exception {
        SequenceDataset data = SyntheticGenerator.generate(new SyntheticSpec(50, 20, 8, 1.0, 0.5, 2));
        StoredArtifact dataset = artifacts.put("datasets", ".rfsq", out -> SequenceFile.write(data, out));
        UUID victimId = UUID.randomUUID();
        UUID othersModel = UUID.randomUUID();
        TestTrainerResource.ARTIFACTS.put(victimId, "never read");
        TestTrainerResource.ARTIFACTS.put(othersModel, "never read");
        TestTrainerResource.TEAMS.put(othersModel, "another-team");
        Map<String, Object> victim = Map.of("modelId", victimId.toString());
        int jobsBefore = given().get("/attack-jobs").then().extract().path("size()");
        List<Map.Entry<Map<String, Object>, String>> cases = List.of(
                Map.entry(Map.of("params", Map.of("chooser", "nope")), "params.chooser"),
                Map.entry(Map.of("params", Map.of("chooser", "gradient")), "surrogateModelId"),
                Map.entry(Map.of("surrogateModelId", UUID.randomUUID().toString()), "surrogateModelId"),
                Map.entry(Map.of("targets", List.of(data.numItems() + 1)), "targets[0]"),
                Map.entry(Map.of("params", Map.of("chooser", "random", "slots", 0)), "params.slots"),
                Map.entry(Map.of("method", "poison-everything"), "method"),
                Map.entry(Map.of("victim", Map.of("url", "ftp://example.org")), "victim.url"),
                Map.entry(Map.of("datasetUri", "file:/nowhere/at-all.rfsq"), "datasetUri"),
                Map.entry(Map.of("method", "poisoning", "victim", Map.of("url", "http://example.org/recommend")),
                        "victim.modelId"),
                Map.entry(Map.of("params", Map.of("chooser", "random", "fraction", 0)), "params.fraction"),
                Map.entry(Map.of("params", Map.of("chooser", "random", "retrain", "sometimes")), "params.retrain"),
                Map.entry(Map.of("victim", Map.of("modelId", UUID.randomUUID().toString())), "victim.modelId"),
                Map.entry(Map.of("victim", Map.of("modelId", othersModel.toString())), "victim.modelId"),
                Map.entry(Map.of("surrogateModelId", othersModel.toString()), "surrogateModelId"));
        for (Map.Entry<Map<String, Object>, String> c : cases) {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("victim", victim,
                    "datasetId", UUID.randomUUID().toString(), "datasetUri", dataset.uri(),
                    "params", Map.of("chooser", "random")));
            body.putAll(c.getKey());
            given().contentType("application/json").body(body).post("/attack-jobs").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(c.getValue()));
        }
        assertThat((int) given().get("/attack-jobs").then().extract().path("size()")).isEqualTo(jobsBefore);
    }
}
