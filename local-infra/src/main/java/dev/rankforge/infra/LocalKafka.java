package dev.rankforge.infra;

import dev.rankforge.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft Kafka broker (combined broker + controller) running inside this JVM, with every
 * Rankforge topic and its dead-letter topic created up front.
 */
public final class LocalKafka implements AutoCloseable {
    private static final List<String> TOPICS = List.of(Topics.DATASET_EVENTS, Topics.TRAINING_REQUESTS,
            Topics.TRAINING_EVENTS, Topics.ATTACK_REQUESTS, Topics.ATTACK_EVENTS, Topics.EVAL_REQUESTS,
            Topics.EVAL_EVENTS);

    /**
     * Partitions of every topic and dead-letter topic: more than one, so that replicas of a service share a topic's
     * messages as in the fleet and the keying of each job's messages to one partition is exercised locally.
     */
    public static final int PARTITIONS = 3;

    private final KafkaClusterTestKit cluster;

    private LocalKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /**
     * Starts the broker with its log directories under {@code dataDir}, which it keeps after closing (a temporary
     * directory would be deleted by a JVM shutdown hook while the broker is still stopping on Ctrl-C).
     */
    public static LocalKafka start(java.nio.file.Path dataDir) throws Exception {
        java.nio.file.Files.createDirectories(dataDir);
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setBaseDirectory(dataDir)
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build();
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "true")
                .setDeleteOnClose(false)
                .build();
        try {
            formatQuietly(cluster);
            cluster.startup();
            cluster.waitForReadyBrokers();
            LocalKafka kafka = new LocalKafka(cluster);
            kafka.createTopics();
            return kafka;
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    /** Formatting prints to stdout; keep that line in the broker's log (kafka.log for a local run), not on the console. */
    private static void formatQuietly(KafkaClusterTestKit cluster) throws Exception {
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream console = System.out;
        synchronized (System.class) {
            System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            try {
                cluster.format();
            } finally {
                System.setOut(console);
            }
        }
        String text = captured.toString(java.nio.charset.StandardCharsets.UTF_8).trim();
        if (!text.isEmpty()) {
            org.slf4j.LoggerFactory.getLogger(LocalKafka.class).info(text);
        }
    }

    /**
     * Shuts the broker down (clients lose their connections and in-flight requests), waits {@code outage}, and
     * starts it again on the same port over the same logs; the KRaft controller stays up, as when a broker pod
     * restarts.
     */
    public synchronized void restartBroker(java.time.Duration outage) throws Exception {
        for (kafka.server.BrokerServer broker : cluster.brokers().values()) {
            broker.shutdown();
        }
        Thread.sleep(outage.toMillis());
        for (kafka.server.BrokerServer broker : cluster.brokers().values()) {
            broker.startup();
        }
        cluster.waitForReadyBrokers();
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    private void createTopics() throws Exception {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : TOPICS) {
            topics.add(new NewTopic(topic, PARTITIONS, (short) 1));
            topics.add(new NewTopic(Topics.deadLetter(topic), PARTITIONS, (short) 1));
        }
        try (Admin admin = Admin.create(properties)) {
            admin.createTopics(topics).all().get();
        }
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
