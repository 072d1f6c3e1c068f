package dev.rankforge.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A test's own Kafka clients against the {@link KafkaTestResource} broker, speaking the services' wire format
 * (JSON values keyed by the job or dataset id): send a message as another service would, and wait for the
 * message a service sends.
 */
public final class KafkaTestClients {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private KafkaTestClients() {
    }

    /** Sends {@code value} (a record, as JSON; a String as it is) to {@code topic} under {@code key}, and waits. */
    public static void send(String topic, String key, Object value) throws Exception {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", KafkaTestResource.bootstrapServers());
        properties.put("key.serializer", StringSerializer.class.getName());
        properties.put("value.serializer", StringSerializer.class.getName());
        String text = value instanceof String s ? s : JSON.writeValueAsString(value);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            producer.send(new ProducerRecord<>(topic, key, text)).get();
        }
    }

    /**
     * Sends {@code bytes} that are no message of the topic's type (a poison pill) under a fresh key, and returns the
     * key, to find it again on the dead-letter topic.
     */
    public static String sendUnreadable(String topic, String bytes) throws Exception {
        String key = "unreadable-" + UUID.randomUUID();
        send(topic, key, bytes);
        return key;
    }

    /**
     * The first message on {@code topic} under {@code key} that {@code wanted} accepts, read from the topic's
     * start; an AssertionError naming what was seen when none came within {@code timeout}.
     */
    public static JsonNode awaitMessage(String topic, String key, Predicate<JsonNode> wanted, Duration timeout) {
        StringBuilder seen = new StringBuilder();
        ConsumerRecord<String, String> found = firstRecord(topic, key, timeout, record -> {
            if (wanted.test(parse(record.value()))) {
                return true;
            }
            seen.append('\n').append(record.value());
            return false;
        });
        if (found == null) {
            throw new AssertionError("no wanted message under key " + key + " on " + topic + " in " + timeout
                    + "; seen under that key:" + seen);
        }
        return parse(found.value());
    }

    /** A record as read: its value (null for a tombstone) and its headers as text. */
    public record Received(String key, String value, Map<String, String> headers) {
    }

    /** The first record on {@code topic} under {@code key}, read from the topic's start, headers included. */
    public static Received awaitRecord(String topic, String key, Duration timeout) {
        ConsumerRecord<String, String> found = firstRecord(topic, key, timeout, record -> true);
        if (found == null) {
            throw new AssertionError("no record under key " + key + " on " + topic + " in " + timeout);
        }
        Map<String, String> headers = new TreeMap<>();
        found.headers().forEach(h -> headers.put(h.key(), h.value() == null ? null
                : new String(h.value(), StandardCharsets.UTF_8)));
        return new Received(found.key(), found.value(), headers);
    }

    /** The first record under {@code key} that {@code wanted} accepts, polling from the start; null at timeout. */
    private static ConsumerRecord<String, String> firstRecord(String topic, String key, Duration timeout,
                                                              Predicate<ConsumerRecord<String, String>> wanted) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key()) && wanted.test(record)) {
                        return record;
                    }
                }
            }
        }
        return null;
    }

    private static Properties consumerProperties() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", KafkaTestResource.bootstrapServers());
        properties.put("group.id", "it-" + UUID.randomUUID());
        properties.put("auto.offset.reset", "earliest");
        properties.put("key.deserializer", StringDeserializer.class.getName());
        properties.put("value.deserializer", StringDeserializer.class.getName());
        return properties;
    }

    private static JsonNode parse(String value) {
        if (value == null) {
            return JSON.getNodeFactory().nullNode();
        }
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(value); // a message that is not JSON, e.g. on a dead-letter topic
        }
    }
}
