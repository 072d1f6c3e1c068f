package dev.rankforge.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
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
     * The first message on {@code topic} under {@code key} that {@code wanted} accepts, read from the topic's
     * start; an AssertionError naming what was seen when none came within {@code timeout}.
     */
    public static JsonNode awaitMessage(String topic, String key, Predicate<JsonNode> wanted, Duration timeout)
            throws IOException {
        StringBuilder seen = new StringBuilder();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        JsonNode message = parse(record.value());
                        if (wanted.test(message)) {
                            return message;
                        }
                        seen.append('\n').append(record.value());
                    }
                }
            }
        }
        throw new AssertionError("no wanted message under key " + key + " on " + topic + " in " + timeout
                + "; seen under that key:" + seen);
    }

    /** A record as read: its value (null for a tombstone) and its headers as text. */
    public record Received(String key, String value, java.util.Map<String, String> headers) {
    }

    /** The first record on {@code topic} under {@code key}, read from the topic's start, headers included. */
    public static Received awaitRecord(String topic, String key, Duration timeout) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        java.util.Map<String, String> headers = new java.util.TreeMap<>();
                        record.headers().forEach(h -> headers.put(h.key(), h.value() == null ? null
                                : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
                        return new Received(record.key(), record.value(), headers);
                    }
                }
            }
        }
        throw new AssertionError("no record under key " + key + " on " + topic + " in " + timeout);
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
