package dev.rankforge.local;

import static dev.rankforge.local.ExperimentJson.count;
import static dev.rankforge.local.ExperimentJson.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of trainer-service and of eval-service over one database and one consumer group each (leases of
 * 6 s), artifacts in an S3 bucket and each trainer with a local disk of its own, as pods on two nodes: experiments
 * submitted to both eval replicas, and training jobs submitted to the second trainer, which is killed with SIGKILL
 * mid-training and never comes back. Every job must finish exactly once — the first trainer takes the second's jobs
 * over once their leases expire and resumes them from the checkpoints the second left in the bucket — with one model
 * per training job, one training job per training step and no result recorded twice. A third trainer in the
 * {@code api} role accepts a job and leaves running it to the workers, and cancels a job a worker runs.
 */
class ReplicaIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(300);
    private static LocalStack stack;
    private static RankforgeClient client;

    @BeforeAll
    static void start() throws Exception {
        Path home = Path.of(System.getProperty("rankforge.home", "..")).toAbsolutePath().normalize();
        Path runDir = Path.of("target/it-replicas-" + System.currentTimeMillis()).toAbsolutePath();
        stack = LocalStack.start(home, runDir, ServicePorts.free(), 1, s -> { }, List.of("data-service",
                "trainer-service", "attack-service", "eval-service"), LocalStack.Artifacts.S3,
                Map.of("RANKFORGE_JOBS_LEASE_SECONDS", "6"));
        // A disk of its own, as another node's pod has: what the first trainer needs of its jobs is in the bucket.
        stack.startReplica("trainer-service", "trainer-service-2",
                Map.of("RANKFORGE_ARTIFACTS_ROOT", runDir.resolve("trainer-service-2-disk").toString()));
        stack.startReplica("eval-service", "eval-service-2", Map.of());
        stack.startReplica("trainer-service", "trainer-service-api", Map.of("RANKFORGE_TRAINER_ROLE", "api"));
        client = new RankforgeClient(stack.adminKey());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyJobFinishesOnceWhenAReplicaDiesMidTraining() throws Exception {
        List<String[]> experiments = new ArrayList<>(); // {eval replica url, experiment id}
        for (int i = 0; i < 4; i++) {
            String eval = stack.url(i % 2 == 0 ? "eval-service" : "eval-service-2");
            JsonNode plan = JSON.readTree("""
                    {"name": "replicas-%d", "steps": {
                      "data":   {"kind": "dataset", "synthetic": {"users": 400, "items": 150, "meanLength": 12, "seed": %d}},
                      "victim": {"kind": "train", "dataset": "data", "architecture": "gru4rec",
                                 "params": {"epochs": 6, "embeddingSize": 16, "hiddenSize": 16, "maxLength": 20}},
                      "eval":   {"kind": "evaluate", "dataset": "data", "models": ["victim"],
                                 "protocols": ["full-ranking"], "ks": [10]}}}""".formatted(i, 100 + i));
            experiments.add(new String[] {eval, client.postJson(eval + "/experiments", plan).path("id").asText()});
        }
        String firstEval = experiments.get(0)[0];
        String firstId = experiments.get(0)[1];
        String datasetId = awaitDataset(firstEval, firstId);

        // Long jobs on the second trainer, which dies mid-training.
        String second = stack.url("trainer-service-2");
        List<String> direct = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            direct.add(submitOnceKnown(second, Map.of("datasetId", datasetId, "architecture", "gru4rec", "params",
                    Map.of("epochs", 40, "embeddingSize", 16, "hiddenSize", 16, "maxLength", 20, "seed", i))));
        }
        String api = stack.url("trainer-service-api");
        direct.add(submitOnceKnown(api, Map.of("datasetId", datasetId, "architecture", "gru4rec",
                "params", Map.of("epochs", 3, "embeddingSize", 16, "hiddenSize", 16, "maxLength", 20))));
        // While the second trainer's one worker is busy with a victim, the first may take a direct job up from the
        // queue: the job to follow is the one the second trainer runs when it dies.
        String taken = awaitRunningOn(second, direct.subList(0, 2), "trainer-service-2", 2);
        stack.kill("trainer-service-2");

        String trainer = stack.url("trainer-service");
        for (String job : direct) {
            JsonNode done = awaitTerminal(trainer, job, Duration.ofMinutes(8));
            assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        }
        assertThat(client.get(trainer + "/training-jobs/" + taken).path("attempts").asInt())
                .as("taken over from the dead replica").isGreaterThanOrEqualTo(2);
        assertThat(client.get(trainer + "/training-jobs/" + taken).path("resumedFromEpoch").asInt())
                .as("resumed from the checkpoint the dead replica left in the object store").isGreaterThanOrEqualTo(1);
        for (String[] experiment : experiments) {
            JsonNode done = new ExperimentFollower(client, experiment[0], new PrintStream(OutputStream.nullOutputStream()))
                    .follow(experiment[1], Duration.ofMinutes(8));
            assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        }

        JsonNode jobs = client.get(trainer + "/training-jobs");
        JsonNode models = client.get(trainer + "/models");
        for (String job : direct) {
            assertThat(count(models, "jobId", job)).as("one model of job " + job).isEqualTo(1);
        }
        for (String[] experiment : experiments) {
            JsonNode done = client.get(experiment[0] + "/experiments/" + experiment[1]);
            String dataset = step(done, "data").path("output").path("datasetId").asText();
            long expectedJobs = dataset.equals(datasetId) ? 1 + direct.size() : 1;
            assertThat(count(jobs, "datasetId", dataset)).as("training jobs on " + dataset).isEqualTo(expectedJobs);
            assertThat(count(models, "datasetId", dataset)).as("models on " + dataset).isEqualTo(expectedJobs);
            Set<String> keys = new HashSet<>();
            JsonNode results = client.get(experiment[0] + "/experiments/" + experiment[1] + "/results");
            for (JsonNode r : results) {
                keys.add(String.join("|", r.path("step").asText(), r.path("subject").asText(),
                        r.path("metric").asText(), r.path("k").asText(), r.path("protocol").asText(),
                        r.path("split").asText()));
            }
            assertThat(keys).as("no result twice").hasSize(results.size());
        }
        JsonNode datasets = client.get(stack.url("data-service") + "/datasets");
        assertThat(datasets.size()).as("one version per experiment's dataset").isEqualTo(experiments.size());

        // A cancel asked of the api replica stops a job running on the worker.
        String running = client.postJson(trainer + "/training-jobs", Map.of("datasetId", datasetId, "architecture",
                "gru4rec", "params", Map.of("epochs", 500, "embeddingSize", 256, "hiddenSize", 256, "maxLength", 20,
                        "batchSize", 4))) // slow epochs of many batches: it runs until cancelled
                .path("id").asText();
        awaitEpoch(trainer, running, 1);
        client.postJson(api + "/training-jobs/" + running + "/cancel", Map.of());
        assertThat(awaitTerminal(trainer, running, Duration.ofMinutes(1)).path("status").asText()).isEqualTo("CANCELLED");
        assertEveryMessageIsKeyedByItsJob();
    }

    /**
     * Every message on the topics these experiments use (each of {@link dev.rankforge.infra.LocalKafka#PARTITIONS}
     * partitions) travels under its job's id (a dataset event under its dataset's), so a job's messages keep their
     * order on one partition. An evaluate step runs inside eval-service and sends nothing on eval-events.
     */
    private static void assertEveryMessageIsKeyedByItsJob() throws Exception {
        java.util.Properties properties = new java.util.Properties();
        properties.put("bootstrap.servers", stack.kafkaBootstrapServers());
        properties.put("key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        properties.put("value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        List<String> topics = List.of(dev.rankforge.contracts.Topics.DATASET_EVENTS,
                dev.rankforge.contracts.Topics.TRAINING_REQUESTS, dev.rankforge.contracts.Topics.TRAINING_EVENTS);
        Map<String, Integer> seen = new java.util.TreeMap<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(properties)) {
            List<org.apache.kafka.common.TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(
                        new org.apache.kafka.common.TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode message = JSON.readTree(record.value());
                    String id = record.topic().equals(dev.rankforge.contracts.Topics.DATASET_EVENTS)
                            ? message.path("datasetId").asText() : message.path("jobId").asText();
                    assertThat(record.key()).as(record.topic() + " " + record.value()).isEqualTo(id);
                    seen.merge(record.topic(), 1, Integer::sum);
                }
            }
        }
        assertThat(seen.keySet()).as("messages read, by topic: " + seen).containsExactlyInAnyOrderElementsOf(topics);
    }

    private static String awaitDataset(String eval, String id) {
        JsonNode data = await("the dataset step of " + id).atMost(Duration.ofMinutes(3)).pollInterval(POLL)
                .until(() -> step(client.get(eval + "/experiments/" + id), "data"),
                        d -> d.path("status").asText().equals("SUCCEEDED"));
        return data.path("output").path("datasetId").asText();
    }

    /**
     * Submits a training job once trainer-service has learnt of the dataset from dataset-events (until then it
     * refuses the job with a 400 naming datasetId, and nothing is stored).
     */
    private static String submitOnceKnown(String trainer, Map<String, Object> job) {
        return await("trainer-service to know dataset " + job.get("datasetId")).atMost(Duration.ofMinutes(1))
                .pollInterval(POLL).until(() -> {
                    try {
                        return client.postJson(trainer + "/training-jobs", job).path("id").asText();
                    } catch (RankforgeClient.ApiException e) {
                        if (e.status() == 400 && e.body().path("errors").findValuesAsText("field").contains("datasetId")) {
                            return null;
                        }
                        throw e;
                    }
                }, java.util.Objects::nonNull);
    }

    /** The first of {@code jobs} seen running on {@code replica} past {@code epoch}'s report (its checkpoint stored). */
    private static String awaitRunningOn(String trainer, List<String> jobs, String replica, int epoch) {
        return await("a job running on " + replica + " past epoch " + epoch).atMost(Duration.ofMinutes(4))
                .pollInterval(POLL).until(() -> {
                    for (String job : jobs) {
                        JsonNode view = client.get(trainer + "/training-jobs/" + job);
                        if (view.path("runningOn").asText().equals(replica) && view.path("epoch").asInt() >= epoch) {
                            return job;
                        }
                    }
                    return null;
                }, java.util.Objects::nonNull);
    }

    private static void awaitEpoch(String trainer, String job, int epoch) {
        await("job " + job + " past epoch " + epoch).atMost(Duration.ofMinutes(4)).pollInterval(POLL)
                .until(() -> client.get(trainer + "/training-jobs/" + job).path("epoch").asInt() >= epoch);
    }

    /** The job's view once it ended, or as it stands after {@code within} (for the caller's assertion to show). */
    private static JsonNode awaitTerminal(String trainer, String job, Duration within) throws Exception {
        try {
            return await("job " + job + " to end").atMost(within).pollInterval(POLL)
                    .until(() -> client.get(trainer + "/training-jobs/" + job),
                            view -> !view.path("status").asText().matches("QUEUED|RUNNING"));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return client.get(trainer + "/training-jobs/" + job);
        }
    }
}
