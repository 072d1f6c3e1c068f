package dev.rankforge.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rankforge.contracts.Topics;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every overlay renders with {@code kubectl kustomize}, and what it renders agrees with the code: a KafkaTopic for
 * each topic in {@link Topics} and its dead-letter topic, each service's KafkaUser allowed exactly the topics and
 * consumer group its channels use, a CloudNativePG cluster behind every database a service is pointed at, probes,
 * resources and an unprivileged container everywhere, egress only to what a service's configuration calls (and
 * the callee admitting it), and in {@code prod} trainer-service split into an api role and GPU workers that KEDA
 * scales on trainer-service's own job table, and two replicas of every API with a disruption budget.
 */
class ManifestTest {
    private static final List<String> SERVICES = List.of("data-service", "trainer-service", "attack-service",
            "eval-service");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern CHANNEL = Pattern.compile(
            "mp\\.messaging\\.(incoming|outgoing)\\.([a-z-]+)\\.connector");
    private static final Pattern DEAD_LETTER = Pattern.compile(
            "mp\\.messaging\\.incoming\\.[a-z-]+\\.dead-letter-queue\\.topic");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContractTopicAndItsDeadLetterTopicHasAKafkaTopic(String overlay) throws Exception {
        Set<String> expected = new TreeSet<>();
        for (String topic : contractTopics()) {
            expected.add(topic);
            expected.add(Topics.deadLetter(topic));
        }
        assertThat(names(render(overlay), "KafkaTopic")).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServicesKafkaUserAllowsExactlyTheTopicsAndGroupItsChannelsUse(String overlay) throws Exception {
        List<JsonNode> resources = render(overlay);
        Set<String> topics = names(resources, "KafkaTopic");
        for (String service : SERVICES) {
            JsonNode user = one(resources, "KafkaUser", service);
            Set<String> granted = new TreeSet<>();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                for (JsonNode operation : acl.path("operations")) {
                    granted.add(acl.path("resource").path("type").asText() + " " + acl.path("resource").path("name")
                            .asText() + " " + operation.asText());
                }
                assertThat(acl.path("resource").path("patternType").asText()).isEqualTo("literal");
            }
            assertThat(granted).as(service).isEqualTo(aclsOfChannels(service));
            granted.stream().filter(g -> g.startsWith("topic ")).map(g -> g.split(" ")[1])
                    .forEach(topic -> assertThat(topics).as(service + " uses " + topic).contains(topic));
            assertThat(user.path("spec").path("authentication").path("type").asText()).isEqualTo("tls");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentHasProbesResourcesAndAnUnprivilegedReadOnlyContainer(String overlay) throws Exception {
        List<Deployment> deployments = deployments(render(overlay));
        List<String> expected = new ArrayList<>(SERVICES);
        if (overlay.equals("prod")) {
            expected.add("trainer-worker");
        }
        assertThat(deployments).extracting(d -> d.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(expected);
        for (Deployment deployment : deployments) {
            assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
            for (Container c : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                String name = deployment.getMetadata().getName();
                assertThat(c.getLivenessProbe().getHttpGet().getPath()).as(name).isEqualTo("/q/health/live");
                assertThat(c.getReadinessProbe().getHttpGet().getPath()).as(name).isEqualTo("/q/health/ready");
                assertThat(c.getStartupProbe()).as(name).isNotNull();
                assertThat(c.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
                assertThat(c.getResources().getLimits()).as(name).containsKey("memory");
                assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as(name).isTrue();
                assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDatabaseAServiceUsesIsAClusterWhoseAppSecretFeedsIt(String overlay) throws Exception {
        List<JsonNode> resources = render(overlay);
        Set<String> clusters = names(resources, "Cluster");
        Set<String> used = new HashSet<>();
        for (Deployment deployment : deployments(resources)) {
            Map<String, EnvVar> env = env(deployment);
            for (String variable : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_AUTH_JDBC_URL")) {
                String secret = env.get(variable).getValueFrom().getSecretKeyRef().getName();
                assertThat(secret).as(deployment.getMetadata().getName() + " " + variable).endsWith("-app");
                String cluster = secret.substring(0, secret.length() - "-app".length());
                assertThat(clusters).as(variable).contains(cluster);
                used.add(cluster);
                String userVariable = variable.replace("JDBC_URL", "USERNAME");
                assertThat(env.get(userVariable).getValueFrom().getSecretKeyRef().getName()).isEqualTo(secret);
            }
            // Its Kafka identity: a KafkaUser's secret (a service's own; trainer-worker shares trainer-service's).
            String identity = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals("kafka-user")).findFirst().orElseThrow().getSecret().getSecretName();
            assertThat(names(resources, "KafkaUser")).as(deployment.getMetadata().getName()).contains(identity);
            assertThat(env.get("KAFKA_SSL_KEYSTORE_PASSWORD").getValueFrom().getSecretKeyRef().getName())
                    .isEqualTo(identity);
        }
        assertThat(used).isEqualTo(clusters); // no database nobody uses
    }

    @Test
    void trainerWorkersRequestAGpuInProdOnlyAndTheApiRunsNoJobs() throws Exception {
        List<Deployment> prod = deployments(render("prod"));
        Deployment worker = deployment(prod, "trainer-worker");
        assertThat(worker.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits())
                .containsEntry("nvidia.com/gpu", new Quantity("1"));
        assertThat(env(worker).get("RANKFORGE_TRAINER_DEVICE").getValue()).isEqualTo("gpu0");
        assertThat(env(worker).get("RANKFORGE_TRAINER_ROLE").getValue()).isEqualTo("worker");
        Deployment api = deployment(prod, "trainer-service");
        assertThat(env(api).get("RANKFORGE_TRAINER_ROLE").getValue()).isEqualTo("api");
        assertThat(api.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits())
                .doesNotContainKey("nvidia.com/gpu");
        for (Deployment d : deployments(render("dev"))) {
            assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits())
                    .doesNotContainKey("nvidia.com/gpu");
            assertThat(env(d)).doesNotContainKey("RANKFORGE_TRAINER_ROLE"); // one process does everything
        }
    }

    @Test
    void eachScaledWorkerCountsItsOwnServicesJobsInItsOwnDatabase() throws Exception {
        List<JsonNode> prod = render("prod");
        List<Deployment> deployments = deployments(prod);
        List<JsonNode> scaled = prod.stream().filter(r -> r.path("kind").asText().equals("ScaledObject")).toList();
        assertThat(scaled).isNotEmpty();
        for (JsonNode scaledObject : scaled) {
            Deployment target = deployment(deployments, scaledObject.path("spec").path("scaleTargetRef").path("name")
                    .asText());
            assertThat(env(target).get("RANKFORGE_TRAINER_ROLE").getValue()).isEqualTo("worker");
            for (JsonNode trigger : scaledObject.path("spec").path("triggers")) {
                assertThat(trigger.path("type").asText()).isEqualTo("postgresql");
                Matcher table = Pattern.compile("FROM (\\w+)").matcher(trigger.path("metadata").path("query").asText());
                assertThat(table.find()).isTrue();
                assertThat(migrationsOf("trainer-service")).as("the table the trigger counts")
                        .contains("CREATE TABLE " + table.group(1));
                JsonNode auth = one(prod, "TriggerAuthentication", trigger.path("authenticationRef").path("name")
                        .asText());
                String secret = auth.path("spec").path("secretTargetRef").get(0).path("name").asText();
                assertThat(secret).as("the worker's own database").isEqualTo(env(target)
                        .get("QUARKUS_DATASOURCE_JDBC_URL").getValueFrom().getSecretKeyRef().getName());
            }
        }
    }

    @Test
    void prodRunsKafkaAndEveryDatabaseOnThreeNodes() throws Exception {
        List<JsonNode> prod = render("prod");
        assertThat(one(prod, "KafkaNodePool", "combined").path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(one(prod, "Kafka", "rankforge").path("spec").path("kafka").path("config")
                .path("min.insync.replicas").asInt()).isEqualTo(2);
        for (JsonNode r : prod) {
            if (r.path("kind").asText().equals("Cluster")) {
                assertThat(r.path("spec").path("instances").asInt()).isEqualTo(3);
            }
        }
    }

    @Test
    void theGpuWorkersQueueFitsWhatKedaMayScaleThemTo() throws Exception {
        List<JsonNode> prod = render("prod");
        assertWorkersFitTheirQueue(prod, prod);
    }

    /**
     * The trainer workers in {@code workers} name a LocalQueue there whose ClusterQueue (in {@code queues}) holds the
     * GPUs, CPU and memory of as many workers as KEDA may start.
     */
    static void assertWorkersFitTheirQueue(List<JsonNode> workers, List<JsonNode> queues) throws IOException {
        Deployment worker = deployment(deployments(workers), "trainer-worker");
        String queue = worker.getMetadata().getLabels().get("kueue.x-k8s.io/queue-name");
        JsonNode clusterQueue = one(queues, "ClusterQueue", one(workers, "LocalQueue", queue).path("spec")
                .path("clusterQueue").asText());
        int maxReplicas = one(workers, "ScaledObject", "trainer-worker").path("spec").path("maxReplicaCount").asInt();
        Map<String, Quantity> requests = worker.getSpec().getTemplate().getSpec().getContainers().get(0).getResources()
                .getRequests();
        for (String resource : List.of("nvidia.com/gpu", "cpu", "memory")) {
            Quantity quota = null;
            for (JsonNode group : clusterQueue.path("spec").path("resourceGroups")) {
                for (JsonNode flavor : group.path("flavors")) {
                    for (JsonNode r : flavor.path("resources")) {
                        if (r.path("name").asText().equals(resource)) {
                            quota = new Quantity(r.path("nominalQuota").asText());
                        }
                    }
                }
            }
            assertThat(quota).as("quota of " + resource).isNotNull();
            assertThat(Quantity.getAmountInBytes(quota)).as(resource + " for " + maxReplicas + " workers")
                    .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get(resource))
                            .multiply(java.math.BigDecimal.valueOf(maxReplicas)));
        }
    }

    /**
     * Egress is restricted for every service's pods: DNS, PostgreSQL, Kafka, HTTPS outside the cluster, and exactly
     * the services its configuration calls ({@code http://localhost:<port>} URLs in its application.properties, the
     * port telling which service); each of those callees' ingress admits it. Nothing else inside the cluster, but
     * dev's MinIO port.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceReachesWhatItsConfigurationCallsAndTheCalleeAdmitsIt(String overlay) throws Exception {
        List<JsonNode> resources = render(overlay);
        Map<String, String> serviceOfPort = new java.util.HashMap<>();
        for (String service : SERVICES) {
            serviceOfPort.put(one(resources, "Service", service).path("spec").path("ports").get(0).path("port")
                    .asText(), service);
        }
        for (Deployment deployment : deployments(resources)) {
            String name = deployment.getMetadata().getName();
            String service = name.equals("trainer-worker") ? "trainer-service" : name;
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            List<JsonNode> rules = new ArrayList<>();
            for (JsonNode policy : resources) {
                if (policy.path("kind").asText().equals("NetworkPolicy")
                        && policy.path("spec").path("policyTypes").toString().contains("Egress")
                        && selects(policy.path("spec").path("podSelector"), labels)) {
                    policy.path("spec").path("egress").forEach(rules::add);
                }
            }
            assertThat(rules).as(name + "'s egress is restricted").isNotEmpty();
            Set<String> reached = new TreeSet<>();
            for (JsonNode rule : rules) {
                Set<String> ports = new TreeSet<>();
                rule.path("ports").forEach(port -> ports.add(port.path("port").asText()));
                if (!rule.has("to")) {
                    assertThat(overlay + " " + ports).as(name + ": a port open anywhere").isEqualTo("dev [9000]");
                    continue;
                }
                for (JsonNode peer : rule.path("to")) {
                    String peerLabels = peer.path("podSelector").toString();
                    if (peer.has("ipBlock")) {
                        assertThat(ports).as(name + " outside the cluster").containsExactly("443");
                        reached.add("outside:443");
                    } else if (peer.path("namespaceSelector").path("matchLabels")
                            .path("kubernetes.io/metadata.name").asText().equals("kube-system")) {
                        assertThat(ports).containsExactly("53");
                        reached.add("dns");
                    } else if (peerLabels.contains("cnpg.io/cluster")) {
                        assertThat(ports).containsExactly("5432");
                        reached.add("postgresql");
                    } else if (peerLabels.contains("strimzi.io/cluster")) {
                        assertThat(ports).containsExactly("9093");
                        reached.add("kafka");
                    } else if (overlay.equals("dev") && ports.equals(Set.of("9000"))) {
                        reached.add("minio");
                    } else {
                        String callee = peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name")
                                .asText();
                        assertThat(SERVICES).as(name + " reaches " + peer).contains(callee);
                        for (String port : ports) {
                            assertThat(serviceOfPort.get(port)).as(name + " → " + callee + ":" + port).isEqualTo(callee);
                        }
                        reached.add(callee);
                        assertThat(admits(one(resources, "NetworkPolicy", callee + "-ingress"), labels))
                                .as(callee + " admits " + name).isTrue();
                    }
                }
            }
            Set<String> expected = new TreeSet<>(List.of("dns", "postgresql", "kafka", "outside:443"));
            if (overlay.equals("dev")) {
                expected.add("minio");
            }
            for (String port : localPortsCalledBy(service)) {
                if (serviceOfPort.containsKey(port) && !serviceOfPort.get(port).equals(service)) {
                    expected.add(serviceOfPort.get(port));
                }
            }
            assertThat(reached).as(name + " reaches").isEqualTo(expected);
        }
    }

    private static boolean selects(JsonNode selector, Map<String, String> labels) {
        java.util.Iterator<Map.Entry<String, JsonNode>> required = selector.path("matchLabels").fields();
        while (required.hasNext()) {
            Map.Entry<String, JsonNode> label = required.next();
            if (!label.getValue().asText().equals(labels.get(label.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.get(expression.path("key").asText());
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> value != null && expression.path("values").toString().contains("\"" + value + "\"");
                case "Exists" -> value != null;
                default -> throw new AssertionError("operator not understood here: " + expression);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean admits(JsonNode ingressPolicy, Map<String, String> caller) {
        for (JsonNode from : ingressPolicy.path("spec").path("ingress").findValues("from")) {
            for (JsonNode peer : from) {
                if (peer.has("podSelector") && !peer.has("namespaceSelector") && selects(peer.path("podSelector"), caller)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The ports of the {@code http://localhost:<port>} URLs in a service's configuration (outside test profiles). */
    private static Set<String> localPortsCalledBy(String service) throws IOException {
        Set<String> ports = new TreeSet<>();
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("..", service, "src/main/resources/application.properties"))) {
            properties.load(in);
        }
        for (String key : properties.stringPropertyNames()) {
            Matcher url = Pattern.compile("^https?://localhost:(\\d+)").matcher(properties.getProperty(key));
            if (!key.startsWith("%") && url.find()) {
                ports.add(url.group(1));
            }
        }
        return ports;
    }

    /**
     * In {@code prod} each service's API Deployment runs two replicas spread over nodes, and a disruption budget lets
     * a drain evict one at a time; {@code dev} runs one of each and has no budget (it would block every drain).
     */
    @Test
    void prodRunsEveryApiOnTwoSpreadReplicasThatADrainTakesOneAtATime() throws Exception {
        List<JsonNode> prod = render("prod");
        List<Deployment> deployments = deployments(prod);
        for (String service : SERVICES) {
            Deployment api = deployment(deployments, service);
            assertThat(api.getSpec().getReplicas()).as("replicas of " + service).isGreaterThanOrEqualTo(2);
            assertThat(api.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
                    .as(service + " spread over nodes")
                    .anyMatch(c -> c.getTopologyKey().equals("kubernetes.io/hostname")
                            && c.getLabelSelector().getMatchLabels().equals(api.getSpec().getSelector().getMatchLabels()));
            JsonNode budget = one(prod, "PodDisruptionBudget", service);
            assertThat(budget.path("spec").path("maxUnavailable").asInt()).as(service).isEqualTo(1);
            Map<String, String> selects = YAML.convertValue(budget.path("spec").path("selector").path("matchLabels"),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { });
            for (Deployment d : deployments) {
                boolean selected = d.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                        .containsAll(selects.entrySet());
                assertThat(selected).as("budget " + service + " selects " + d.getMetadata().getName())
                        .isEqualTo(d == api);
            }
        }
        assertThat(names(render("dev"), "PodDisruptionBudget")).isEmpty();
    }

    /**
     * A consumer group spreads a topic's partitions over its members, so a replica beyond the partition count idles:
     * each topic a service reads has at least as many partitions as all that service's Deployments may run replicas
     * (a KEDA-scaled one counted at its maxReplicaCount).
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicHasAPartitionForEachReplicaReadingIt(String overlay) throws Exception {
        List<JsonNode> resources = render(overlay);
        for (String service : SERVICES) {
            int replicas = 0;
            for (Deployment deployment : deployments(resources)) {
                String image = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
                if (image.startsWith("rankforge/" + service)) {
                    String name = deployment.getMetadata().getName();
                    replicas += resources.stream().filter(r -> r.path("kind").asText().equals("ScaledObject")
                                    && r.path("spec").path("scaleTargetRef").path("name").asText().equals(name))
                            .map(r -> r.path("spec").path("maxReplicaCount").asInt())
                            .findFirst().orElse(deployment.getSpec().getReplicas());
                }
            }
            assertThat(replicas).as("replicas of " + service).isPositive();
            for (String acl : aclsOfChannels(service)) {
                String[] parts = acl.split(" ");
                if (parts[0].equals("topic") && parts[2].equals("Read")) {
                    assertThat(one(resources, "KafkaTopic", parts[1]).path("spec").path("partitions").asInt())
                            .as("partitions of %s, read by %d replicas of %s", parts[1], replicas, service)
                            .isGreaterThanOrEqualTo(replicas);
                }
            }
        }
    }

    /** What a service's channel configuration needs: read and describe what it consumes, write what it produces. */
    private static Set<String> aclsOfChannels(String service) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("..", service, "src/main/resources/application.properties"))) {
            properties.load(in);
        }
        Set<String> acls = new TreeSet<>();
        boolean consumes = false;
        for (String key : properties.stringPropertyNames()) {
            Matcher channel = CHANNEL.matcher(key);
            if (channel.matches() && properties.getProperty(key).equals("smallrye-kafka")) {
                String topic = properties.getProperty("mp.messaging." + channel.group(1) + "." + channel.group(2)
                        + ".topic", channel.group(2));
                boolean incoming = channel.group(1).equals("incoming");
                consumes |= incoming;
                acls.add("topic " + topic + (incoming ? " Read" : " Write"));
                acls.add("topic " + topic + " Describe");
            }
            if (DEAD_LETTER.matcher(key).matches()) {
                acls.add("topic " + properties.getProperty(key) + " Write");
                acls.add("topic " + properties.getProperty(key) + " Describe");
            }
        }
        if (consumes) {
            acls.add("group " + properties.getProperty("quarkus.application.name") + " Read");
        }
        return acls;
    }

    static List<String> contractTopics() throws IllegalAccessException {
        List<String> topics = new ArrayList<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().equals("DEAD_LETTER_SUFFIX")) {
                topics.add((String) field.get(null));
            }
        }
        return topics;
    }

    /**
     * {@code kubectl kustomize overlays/<overlay>}, as parsed documents. Without kubectl on PATH the test is skipped —
     * unless {@code RANKFORGE_REQUIRE_KUBECTL} is {@code 1}/{@code true} (CI sets it, and installs kubectl).
     */
    private static List<JsonNode> render(String overlay) throws Exception {
        return render("overlays/" + overlay, overlay.equals("prod") ? "rankforge" : "rankforge-" + overlay);
    }

    /** What {@code kubectl kustomize dir} renders; each resource in {@code namespace} unless that is null. */
    static List<JsonNode> render(String dir, String namespace) throws Exception {
        boolean found = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(path -> Files.isExecutable(Path.of(path, "kubectl")));
        if (!found) {
            String message = "kubectl not found: install Debian's kubernetes-client (apt-get install kubernetes-client)";
            String require = System.getenv("RANKFORGE_REQUIRE_KUBECTL");
            if ("1".equals(require) || "true".equalsIgnoreCase(require)) {
                throw new AssertionError(message);
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(false, message);
        }
        Process process = new ProcessBuilder("kubectl", "kustomize", dir)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize " + dir).isZero();
        List<JsonNode> docs = YAML.readerFor(JsonNode.class).<JsonNode>readValues(
                new String(out, StandardCharsets.UTF_8)).readAll();
        for (JsonNode doc : docs) {
            assertThat(doc.path("metadata").path("name").asText()).as(doc.toString()).isNotEmpty();
            if (namespace != null) {
                assertThat(doc.path("metadata").path("namespace").asText()).as(doc.path("metadata").path("name")
                        .asText()).isEqualTo(namespace);
            }
        }
        return docs;
    }

    static Set<String> names(List<JsonNode> resources, String kind) {
        Set<String> names = new TreeSet<>();
        resources.stream().filter(r -> r.path("kind").asText().equals(kind))
                .forEach(r -> names.add(r.path("metadata").path("name").asText()));
        return names;
    }

    static JsonNode one(List<JsonNode> resources, String kind, String name) {
        return resources.stream().filter(r -> r.path("kind").asText().equals(kind)
                && r.path("metadata").path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    static List<Deployment> deployments(List<JsonNode> resources) throws IOException {
        List<Deployment> out = new ArrayList<>();
        for (JsonNode r : resources) {
            if (r.path("kind").asText().equals("Deployment")) {
                out.add(YAML.treeToValue(r, Deployment.class));
            }
        }
        return out;
    }

    static Deployment deployment(List<Deployment> deployments, String name) {
        return deployments.stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment " + name));
    }

    private static String migrationsOf(String service) throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(Path.of("..", service, "src/main/resources/db/migration"))) {
            for (Path file : files.sorted().toList()) {
                all.append(Files.readString(file)).append('\n');
            }
        }
        return all.toString();
    }

    static Map<String, EnvVar> env(Deployment deployment) {
        Map<String, EnvVar> env = new java.util.HashMap<>();
        deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().forEach(e -> env.put(e.getName(), e));
        return env;
    }
}
