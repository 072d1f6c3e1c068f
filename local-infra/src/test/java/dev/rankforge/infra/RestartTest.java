package dev.rankforge.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankforge.contracts.Topics;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restarts the chaos benchmark injects: PostgreSQL and the Kafka broker come back on the same port with what
 * they stored, and clients that were connected before the outage carry on after it.
 */
class RestartTest {
    @TempDir
    Path dir;

    @Test
    void postgresComesBackOnItsPortWithItsData() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(dir.resolve("pg")).createDatabases("restart_test")) {
            int port = postgres.port();
            String url = postgres.jdbcUrl("restart_test");
            try (Connection c = DriverManager.getConnection(url, LocalPostgres.USER, LocalPostgres.PASSWORD);
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (v int)");
                s.execute("INSERT INTO kept VALUES (42)");
            }
            postgres.restart(Duration.ofMillis(200));
            assertThat(postgres.port()).isEqualTo(port);
            try (Connection c = DriverManager.getConnection(url, LocalPostgres.USER, LocalPostgres.PASSWORD);
                 Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT v FROM kept")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getInt(1)).isEqualTo(42);
            }
        }
        assertThat(dir.resolve("pg")).doesNotExist();
    }

    @Test
    void kafkaClientsCarryOnAcrossABrokerRestart() throws Exception {
        try (LocalKafka kafka = LocalKafka.start(dir.resolve("kafka"))) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            Properties c = new Properties();
            c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            c.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-test");
            c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            String bootstrap = kafka.bootstrapServers();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p);
                 KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
                consumer.subscribe(List.of(Topics.TRAINING_EVENTS));
                producer.send(new ProducerRecord<>(Topics.TRAINING_EVENTS, "before")).get(30, TimeUnit.SECONDS);
                assertThat(receive(consumer, 1)).containsExactly("before");

                kafka.restartBroker(Duration.ofMillis(500));

                assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
                producer.send(new ProducerRecord<>(Topics.TRAINING_EVENTS, "after")).get(60, TimeUnit.SECONDS);
                assertThat(receive(consumer, 1)).containsExactly("after");
            }
        }
    }

    private static List<String> receive(KafkaConsumer<String, String> consumer, int n) {
        List<String> values = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (values.size() < n && System.nanoTime() < deadline) {
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
            records.forEach(r -> values.add(r.value()));
        }
        consumer.commitSync();
        return values;
    }
}
