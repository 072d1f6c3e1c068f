package dev.rankforge.k8s;

import static dev.rankforge.k8s.ManifestTest.deployments;
import static dev.rankforge.k8s.ManifestTest.names;
import static dev.rankforge.k8s.ManifestTest.one;
import static dev.rankforge.k8s.ManifestTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rankforge.contracts.Topics;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code k8s/teams}: each service deployed by its own team into its own namespace, Kafka and the API-key store by
 * the platform team. What crosses namespaces is checked against what the pods use: every secret a team's pods mount
 * is made in the team's namespace (by CloudNativePG, or copied from the platform's by the External Secrets Operator
 * under a Role granting exactly those secrets), every address a team is given names a Service or cluster in the
 * namespace it names, every service-to-service flow of the single-namespace base is admitted across namespaces, and
 * the training team's GPU workers fit its Kueue quota.
 */
class TeamsManifestTest {
    private static final Map<String, String> SERVICE_OF_TEAM = Map.of("data", "data-service", "training",
            "trainer-service", "attack", "attack-service", "eval", "eval-service");
    private static final String PLATFORM = "rankforge-platform";
    private static final Pattern SERVICE_URL = Pattern.compile("https?://([a-z0-9-]+)\\.([a-z0-9-]+)\\.svc:(\\d+)");
    private static final Pattern KAFKA_BOOTSTRAP = Pattern.compile("([a-z0-9-]+)-kafka-bootstrap\\.([a-z0-9-]+)\\.svc:(\\d+)");
    private static final Pattern DATABASE_URL = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw\\.([a-z0-9-]+)\\.svc:5432/");
    /** Made by hand in the platform's namespace (k8s/README.md, "Deploying"). */
    private static final Set<String> MADE_BY_HAND = Set.of("rankforge-keys");

    /** Namespace → what renders into it; the cluster-scoped resources under "". */
    private static final Map<String, List<JsonNode>> RENDERED = new HashMap<>();

    @BeforeAll
    static void renderEveryTeam() throws Exception {
        RENDERED.put("", render("teams/cluster", null));
        RENDERED.put(PLATFORM, render("teams/platform", PLATFORM));
        for (String team : SERVICE_OF_TEAM.keySet()) {
            RENDERED.put(namespace(team), render("teams/" + team, namespace(team)));
        }
    }

    @Test
    void eachTeamsNamespaceRunsItsOwnServiceOnItsOwnDatabaseAndThePlatformRunsNoService() throws Exception {
        Set<String> expected = new TreeSet<>(List.of(PLATFORM));
        for (Map.Entry<String, String> team : SERVICE_OF_TEAM.entrySet()) {
            String ns = namespace(team.getKey());
            expected.add(ns);
            List<Deployment> deployments = deployments(RENDERED.get(ns));
            assertThat(deployments).as(ns).isNotEmpty();
            for (Deployment d : deployments) {
                assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                        .as(ns + " runs only its own service").startsWith("rankforge/" + team.getValue());
            }
            assertThat(names(RENDERED.get(ns), "Cluster")).as(ns + "'s own database").hasSize(1);
            assertThat(names(RENDERED.get(ns), "KafkaUser")).as("Kafka users are the platform's").isEmpty();
        }
        List<JsonNode> platform = RENDERED.get(PLATFORM);
        assertThat(deployments(platform)).isEmpty();
        assertThat(names(platform, "KafkaUser")).containsExactlyInAnyOrderElementsOf(SERVICE_OF_TEAM.values());
        Set<String> topics = new TreeSet<>();
        for (String topic : ManifestTest.contractTopics()) {
            topics.add(topic);
            topics.add(Topics.deadLetter(topic));
        }
        assertThat(names(platform, "KafkaTopic")).isEqualTo(topics);
        for (JsonNode namespace : kind(RENDERED.get(""), "Namespace")) {
            assertThat(namespace.path("metadata").path("labels").path("rankforge.dev/fleet").asText())
                    .as(namespace.path("metadata").path("name").asText()).isEqualTo("true");
        }
        assertThat(names(RENDERED.get(""), "Namespace")).isEqualTo(expected);
    }

    @Test
    void everySecretATeamsPodsUseIsMadeInItsNamespaceFromExactlyWhatThePlatformLetsItRead() throws Exception {
        List<JsonNode> platform = RENDERED.get(PLATFORM);
        for (String team : SERVICE_OF_TEAM.keySet()) {
            String ns = namespace(team);
            List<JsonNode> resources = RENDERED.get(ns);
            Set<String> copied = new TreeSet<>();
            for (String secret : secretsUsed(resources)) {
                if (secret.endsWith("-app") && names(resources, "Cluster")
                        .contains(secret.substring(0, secret.length() - "-app".length()))) {
                    continue; // the namespace's own database
                }
                JsonNode external = kind(resources, "ExternalSecret").stream()
                        .filter(e -> e.path("spec").path("target").path("name").asText().equals(secret)).findFirst()
                        .orElseThrow(() -> new AssertionError(ns + ": nothing makes secret " + secret));
                JsonNode store = one(resources, "SecretStore", external.path("spec").path("secretStoreRef")
                        .path("name").asText()).path("spec").path("provider").path("kubernetes");
                assertThat(store.path("remoteNamespace").asText()).isEqualTo(PLATFORM);
                String account = store.path("auth").path("serviceAccount").path("name").asText();
                assertThat(names(resources, "ServiceAccount")).contains(account);
                for (JsonNode from : external.path("spec").path("dataFrom")) {
                    copied.add(from.path("extract").path("key").asText());
                }
                assertThat(names(resources, "ServiceAccount")).as(ns).containsExactly(account);
            }
            for (String key : copied) {
                assertThat(madeInThePlatform(platform, key)).as(key + " is made in the platform's namespace").isTrue();
            }
            assertThat(readableBy(platform, ns, "platform-secrets")).as("what " + ns + " may read of the platform's")
                    .isEqualTo(copied);
        }
    }

    @Test
    void everyAddressATeamIsGivenNamesAServiceOrClusterInTheNamespaceItNames() throws Exception {
        for (String team : SERVICE_OF_TEAM.keySet()) {
            List<JsonNode> resources = RENDERED.get(namespace(team));
            List<String> values = new java.util.ArrayList<>();
            one(resources, "ConfigMap", "rankforge-config").path("data").forEach(v -> values.add(v.asText()));
            for (JsonNode external : kind(resources, "ExternalSecret")) {
                external.path("spec").path("target").path("template").path("data").forEach(v -> values.add(v.asText()));
            }
            int addresses = 0;
            for (String value : values) {
                Matcher service = SERVICE_URL.matcher(value);
                Matcher kafka = KAFKA_BOOTSTRAP.matcher(value);
                Matcher database = DATABASE_URL.matcher(value);
                if (kafka.find()) {
                    JsonNode cluster = one(rendered(kafka.group(2)), "Kafka", kafka.group(1));
                    assertThat(cluster.path("spec").path("kafka").path("listeners").findValues("port"))
                            .extracting(JsonNode::asText).as(value).contains(kafka.group(3));
                    addresses++;
                } else if (database.find()) {
                    assertThat(names(rendered(database.group(2)), "Cluster")).as(value).contains(database.group(1));
                    addresses++;
                } else if (service.find()) {
                    JsonNode target = one(rendered(service.group(2)), "Service", service.group(1));
                    assertThat(target.path("spec").path("ports").findValues("port")).extracting(JsonNode::asText)
                            .as(value).contains(service.group(3));
                    addresses++;
                }
                assertThat(value).as("an address without its namespace").doesNotContain("://trainer-service:",
                        "://data-service:", "rankforge-kafka-bootstrap:");
            }
            assertThat(addresses).as(team).isGreaterThanOrEqualTo(5);
        }
    }

    /**
     * Each flow between services the single-namespace base allows (an ingress peer naming the caller's pods, an
     * egress peer naming the callee's) is allowed in the teams layout with the other side's namespace, and no policy
     * names a service's pods without the namespace they run in; Kafka and the key store admit the fleet's
     * namespaces, which carry the label they select on, and the services' egress reaches them there.
     */
    @Test
    void everyFlowOfTheBaseIsAdmittedAcrossNamespaces() throws Exception {
        Map<String, String> namespaceOfService = new HashMap<>();
        SERVICE_OF_TEAM.forEach((team, service) -> namespaceOfService.put(service, namespace(team)));
        List<JsonNode> base = render("base", null);
        for (JsonNode policy : kind(base, "NetworkPolicy")) {
            String selected = policy.path("spec").path("podSelector").path("matchLabels")
                    .path("app.kubernetes.io/name").asText();
            if (!namespaceOfService.containsKey(selected)) {
                continue;
            }
            // An ingress policy names its callers, an egress policy (of the pod it selects) its callees.
            JsonNode teamsPolicy = one(RENDERED.get(namespaceOfService.get(selected)), "NetworkPolicy",
                    policy.path("metadata").path("name").asText());
            for (JsonNode peers : peersOf(policy)) {
                for (JsonNode p : peers) {
                    String other = p.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText();
                    if (namespaceOfService.containsKey(other)) {
                        assertThat(admits(teamsPolicy, namespaceOfService.get(other), other))
                                .as(policy.path("metadata").path("name").asText() + ": " + other).isTrue();
                    }
                }
            }
        }
        for (Map.Entry<String, List<JsonNode>> rendered : RENDERED.entrySet()) {
            for (JsonNode policy : kind(rendered.getValue(), "NetworkPolicy")) {
                for (JsonNode p : peersOf(policy)) {
                    for (JsonNode peer : p) {
                        String caller = peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name")
                                .asText();
                        if (namespaceOfService.containsKey(caller) && !namespaceOfService.get(caller)
                                .equals(rendered.getKey())) {
                            assertThat(peer.path("namespaceSelector").path("matchLabels")
                                    .path("kubernetes.io/metadata.name").asText())
                                    .as(policy.path("metadata").path("name").asText() + " admits " + caller)
                                    .isEqualTo(namespaceOfService.get(caller));
                        }
                    }
                }
            }
        }
        for (String team : SERVICE_OF_TEAM.keySet()) {
            JsonNode egress = one(RENDERED.get(namespace(team)), "NetworkPolicy", "services-egress");
            assertThat(egress.path("spec").path("egress").findValues("namespaceSelector"))
                    .as(team + "'s services reach the platform's Kafka and key store")
                    .filteredOn(n -> n.path("matchLabels").path("kubernetes.io/metadata.name").asText().equals(PLATFORM))
                    .hasSize(2);
        }
        for (String shared : List.of("kafka-from-services", "postgres-from-services")) {
            JsonNode policy = one(RENDERED.get(PLATFORM), "NetworkPolicy", shared);
            assertThat(policy.path("spec").path("ingress").findValues("namespaceSelector"))
                    .as(shared + " admits the fleet's namespaces")
                    .anyMatch(s -> s.path("matchLabels").path("rankforge.dev/fleet").asText().equals("true"));
        }
    }

    @Test
    void theTrainingTeamsGpuWorkersFitItsQueueInTheCohort() throws Exception {
        List<JsonNode> training = RENDERED.get(namespace("training"));
        ManifestTest.assertWorkersFitTheirQueue(training, RENDERED.get(""));
        String clusterQueue = one(training, "LocalQueue", "trainer-gpu").path("spec").path("clusterQueue").asText();
        JsonNode queue = one(RENDERED.get(""), "ClusterQueue", clusterQueue);
        assertThat(queue.path("spec").path("cohort").asText()).isNotEmpty();
        JsonNode trainingNamespace = one(RENDERED.get(""), "Namespace", namespace("training"));
        queue.path("spec").path("namespaceSelector").path("matchLabels").fields().forEachRemaining(label ->
                assertThat(trainingNamespace.path("metadata").path("labels").path(label.getKey()).asText())
                        .as("the training namespace may use its queue").isEqualTo(label.getValue().asText()));
    }

    private static String namespace(String team) {
        return "rankforge-" + team;
    }

    private static List<JsonNode> rendered(String namespace) {
        List<JsonNode> resources = RENDERED.get(namespace);
        assertThat(resources).as("namespace " + namespace + " is one of the fleet's").isNotNull();
        return resources;
    }

    private static List<JsonNode> kind(List<JsonNode> resources, String kind) {
        return resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
    }

    /** The secrets the namespace's pods and KEDA's triggers need (optional ones, which may be absent, aside). */
    private static Set<String> secretsUsed(List<JsonNode> resources) {
        Set<String> used = new TreeSet<>();
        for (JsonNode r : resources) {
            if (r.path("kind").asText().equals("Deployment")) {
                for (JsonNode ref : r.findValues("secretKeyRef")) {
                    if (!ref.path("optional").asBoolean()) {
                        used.add(ref.path("name").asText());
                    }
                }
                for (JsonNode volume : r.findValues("secret")) {
                    if (volume.has("secretName") && !volume.path("optional").asBoolean()) {
                        used.add(volume.path("secretName").asText());
                    }
                }
            } else if (r.path("kind").asText().equals("TriggerAuthentication")) {
                r.path("spec").path("secretTargetRef").forEach(ref -> used.add(ref.path("name").asText()));
            }
        }
        return used;
    }

    private static boolean madeInThePlatform(List<JsonNode> platform, String secret) {
        Set<String> made = new HashSet<>(MADE_BY_HAND);
        made.addAll(names(platform, "KafkaUser")); // Strimzi's User Operator: a secret named after the user
        names(platform, "Kafka").forEach(k -> made.add(k + "-cluster-ca-cert"));
        names(platform, "Cluster").forEach(c -> made.add(c + "-app"));
        return made.contains(secret);
    }

    /** The secrets of the platform's namespace that Roles bound to {@code account} of {@code namespace} may get. */
    private static Set<String> readableBy(List<JsonNode> platform, String namespace, String account) {
        Set<String> readable = new TreeSet<>();
        for (JsonNode binding : kind(platform, "RoleBinding")) {
            boolean bound = false;
            for (JsonNode subject : binding.path("subjects")) {
                bound |= subject.path("kind").asText().equals("ServiceAccount")
                        && subject.path("name").asText().equals(account)
                        && subject.path("namespace").asText().equals(namespace);
            }
            if (!bound) {
                continue;
            }
            JsonNode role = one(platform, "Role", binding.path("roleRef").path("name").asText());
            for (JsonNode rule : role.path("rules")) {
                assertThat(rule.path("verbs").toString()).as(role.path("metadata").path("name").asText())
                        .isEqualTo("[\"get\"]");
                assertThat(rule.path("resourceNames").isEmpty()).as("a rule naming the secrets it grants").isFalse();
                rule.path("resourceNames").forEach(n -> readable.add(n.asText()));
            }
        }
        return readable;
    }

    /** The peer lists of a policy's ingress ({@code from}) and egress ({@code to}) rules. */
    private static List<JsonNode> peersOf(JsonNode policy) {
        List<JsonNode> peers = new java.util.ArrayList<>(policy.path("spec").path("ingress").findValues("from"));
        policy.path("spec").path("egress").forEach(rule -> {
            if (rule.has("to")) {
                peers.add(rule.path("to"));
            }
        });
        return peers;
    }

    /** Whether a rule of the policy names the pods of {@code app} in {@code namespace}. */
    private static boolean admits(JsonNode policy, String namespace, String app) {
        for (JsonNode from : peersOf(policy)) {
            for (JsonNode peer : from) {
                if (peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText()
                        .equals(namespace) && peer.path("podSelector").path("matchLabels")
                        .path("app.kubernetes.io/name").asText().equals(app)) {
                    return true;
                }
            }
        }
        return false;
    }
}
