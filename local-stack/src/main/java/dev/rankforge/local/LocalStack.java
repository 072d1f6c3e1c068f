package dev.rankforge.local;

import dev.rankforge.infra.LocalKafka;
import dev.rankforge.infra.LocalPostgres;
import dev.rankforge.infra.LocalS3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The whole suite on one machine: an embedded PostgreSQL with one database per service, an in-process Kafka
 * broker, and the four services as separate processes sharing a local artifact directory (or, with
 * {@link Artifacts#S3}, a bucket of an S3 server in this process). Closing stops
 * everything; closing twice is harmless (a shutdown hook and the normal path may both do it).
 */
public final class LocalStack implements AutoCloseable {
    /** How long each service may take to become ready before the start is given up. */
    public static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final LocalPostgres postgres;
    private final LocalKafka kafka;
    private final LocalS3 s3;
    private final Map<String, ServiceProcess> services;
    private final Map<String, Launcher> launchers;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final String adminKey;
    private final java.util.concurrent.CountDownLatch stoppedAll = new java.util.concurrent.CountDownLatch(1);

    /** Starts one process of a service with its fixed settings. */
    @FunctionalInterface
    private interface Launcher {
        /**
         * Starts a process of the service named {@code instance} (its log and its name in job leases) on {@code port},
         * with these environment variables besides the stack's.
         */
        ServiceProcess launch(String instance, int port, Map<String, String> extra) throws Exception;
    }

    /** Where the services keep artifacts: a shared directory, or a bucket of an S3 server in this process. */
    public enum Artifacts {
        LOCAL, S3;

        /** {@code local} or {@code s3}, as the CLI's {@code --artifacts} takes it. */
        public static Artifacts parse(String name) {
            return switch (name) {
                case "local" -> LOCAL;
                case "s3" -> S3;
                default -> throw new IllegalArgumentException("--artifacts must be local or s3, not " + name);
            };
        }
    }

    private LocalStack(LocalPostgres postgres, LocalKafka kafka, LocalS3 s3, Map<String, ServiceProcess> services,
                       Map<String, Launcher> launchers, String adminKey) {
        this.s3 = s3;
        this.adminKey = adminKey;
        this.postgres = postgres;
        this.kafka = kafka;
        this.services = services;
        this.launchers = launchers;
    }

    /**
     * @param home    the repository root (where each service's {@code target/quarkus-app} lives)
     * @param runDir  receives the service logs, the database files and the artifact store
     * @param threads native (DJL/OpenMP) threads per service
     */
    public static LocalStack start(Path home, Path runDir, ServicePorts ports, int threads, Consumer<String> status)
            throws Exception {
        return start(home, runDir, ports, threads, status, List.of("data-service", "trainer-service", "attack-service",
                "eval-service"));
    }

    /** Starts PostgreSQL, Kafka and only the named services (e.g. one service under a benchmark). */
    public static LocalStack start(Path home, Path runDir, ServicePorts ports, int threads, Consumer<String> status,
                                   List<String> only) throws Exception {
        return start(home, runDir, ports, threads, status, only, Artifacts.LOCAL);
    }

    /** Starts PostgreSQL, Kafka, the named services and, for {@link Artifacts#S3}, an S3 server holding the artifacts. */
    public static LocalStack start(Path home, Path runDir, ServicePorts ports, int threads, Consumer<String> status,
                                   List<String> only, Artifacts artifacts) throws Exception {
        return start(home, runDir, ports, threads, status, only, artifacts, Map.of());
    }

    /** As {@link #start(Path, Path, ServicePorts, int, Consumer, List, Artifacts)}, every service with {@code env} too. */
    public static LocalStack start(Path home, Path runDir, ServicePorts ports, int threads, Consumer<String> status,
                                   List<String> only, Artifacts artifacts, Map<String, String> env) throws Exception {
        Files.createDirectories(runDir);
        LocalPostgres postgres = null;
        LocalKafka kafka = null;
        LocalS3 s3 = null;
        Map<String, ServiceProcess> services = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, Launcher> launchers = new HashMap<>();
        String adminKey = System.getenv().getOrDefault("RANKFORGE_AUTH_ADMIN_KEY", newKey());
        try {
            status.accept("starting PostgreSQL");
            postgres = LocalPostgres.start(runDir.resolve("postgres")).createDatabases("rankforge_data",
                    "rankforge_trainer", "rankforge_attack", "rankforge_eval", "rankforge_auth");
            status.accept("starting Kafka");
            kafka = LocalKafka.start(runDir.resolve("kafka"));
            Map<String, String> common = new HashMap<>();
            common.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            common.put("QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USER);
            common.put("QUARKUS_DATASOURCE_PASSWORD", LocalPostgres.PASSWORD);
            common.put("RANKFORGE_ARTIFACTS_ROOT", runDir.resolve("artifacts").toString());
            if (artifacts == Artifacts.S3) {
                status.accept("starting S3 (S3Proxy)");
                s3 = LocalS3.start(runDir.resolve("s3"));
                common.put("RANKFORGE_ARTIFACTS_STORE", "s3");
                common.put("RANKFORGE_ARTIFACTS_S3_ENDPOINT", s3.endpoint());
                common.put("RANKFORGE_ARTIFACTS_S3_BUCKET", "rankforge-artifacts");
                common.put("RANKFORGE_ARTIFACTS_S3_PATH_STYLE", "true");
                common.put("RANKFORGE_ARTIFACTS_S3_ACCESS_KEY", LocalS3.ACCESS_KEY);
                common.put("RANKFORGE_ARTIFACTS_S3_SECRET_KEY", LocalS3.SECRET_KEY);
                common.put("RANKFORGE_ARTIFACTS_S3_CREATE_BUCKET", "true");
            }
            common.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            common.put("QUARKUS_REST_CLIENT_TRAINER_URL", "http://localhost:" + ports.trainer());
            common.put("RANKFORGE_ATTACK_TRAINER_URL", "http://localhost:" + ports.trainer());
            common.put("QUARKUS_REST_CLIENT_DATA_SERVICE_URL", "http://localhost:" + ports.data());
            // One key store for all services; this run's own admin key, and the key services call each other with.
            common.put("QUARKUS_DATASOURCE_AUTH_JDBC_URL", postgres.jdbcUrl("rankforge_auth"));
            common.put("QUARKUS_DATASOURCE_AUTH_USERNAME", LocalPostgres.USER);
            common.put("QUARKUS_DATASOURCE_AUTH_PASSWORD", LocalPostgres.PASSWORD);
            common.put("RANKFORGE_AUTH_ADMIN_KEY", adminKey);
            common.put("RANKFORGE_AUTH_SERVICE_KEY", newKey());
            common.put("OPT_OUT_TRACKING", "true");
            common.put("DJL_OFFLINE", "true");
            common.put("OMP_NUM_THREADS", String.valueOf(threads));
            common.putAll(env);
            status.accept("starting services");
            List<String> djl = List.of("-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=" + threads,
                    "-Dai.djl.pytorch.num_interop_threads=1");
            LocalPostgres db = postgres;
            launchers.put("data-service", (instance, port, extra) -> launch(home, runDir, "data-service", instance,
                    port, "rankforge_data", db, with(common, extra), List.of("-Xmx1g")));
            launchers.put("trainer-service", (instance, port, extra) -> launch(home, runDir, "trainer-service",
                    instance, port, "rankforge_trainer", db, with(common, extra), concat("-Xmx2g", djl)));
            launchers.put("attack-service", (instance, port, extra) -> launch(home, runDir, "attack-service",
                    instance, port, "rankforge_attack", db, with(common, extra), List.of("-Xmx512m")));
            launchers.put("eval-service", (instance, port, extra) -> launch(home, runDir, "eval-service", instance,
                    port, "rankforge_eval", db, with(common, extra), concat("-Xmx1g", djl)));
            Map<String, Integer> portOf = Map.of("data-service", ports.data(), "trainer-service", ports.trainer(),
                    "attack-service", ports.attack(), "eval-service", ports.eval());
            launchers.keySet().retainAll(only);
            for (Map.Entry<String, Launcher> launcher : launchers.entrySet()) {
                String name = launcher.getKey();
                services.put(name, launcher.getValue().launch(name, portOf.get(name), Map.of()));
            }
            for (ServiceProcess service : services.values()) {
                service.awaitReady(READY_TIMEOUT);
            }
            return new LocalStack(postgres, kafka, s3, services, launchers, adminKey);
        } catch (Exception | Error e) {
            new LocalStack(postgres, kafka, s3, services, launchers, adminKey).close();
            throw e;
        }
    }

    /** The S3 server's URL when the artifacts are in object storage, else empty. */
    public java.util.Optional<String> s3Endpoint() {
        return java.util.Optional.ofNullable(s3).map(LocalS3::endpoint);
    }

    public String url(String service) {
        return services.get(service).baseUrl();
    }

    /**
     * This stack's admin API key: generated per run unless {@code RANKFORGE_AUTH_ADMIN_KEY} is set; every management
     * call needs a key ({@code X-Rankforge-Key}), and this one may create others ({@code rankforge keys create}).
     */
    public String adminKey() {
        return adminKey;
    }

    /** A fresh random key in the services' format. */
    static String newKey() {
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        return "rfk_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Kills a service with SIGKILL (no graceful shutdown), starts it again and waits until it is ready. */
    public void killAndRestart(String service) throws Exception {
        killAndRestart(service, Map.of());
    }

    /**
     * As {@link #killAndRestart(String)}, the new process with {@code extra} environment variables (e.g. a fault
     * injection hook of a crash test); a process that has died already is simply started again.
     */
    public void killAndRestart(String service, Map<String, String> extra) throws Exception {
        ServiceProcess old = services.get(service);
        old.kill();
        ServiceProcess restarted = launchers.get(service).launch(service, old.port(), extra);
        services.put(service, restarted);
        restarted.awaitReady(READY_TIMEOUT);
    }

    /**
     * Starts another replica of {@code service} named {@code instance} on a free port, over the same database and
     * Kafka consumer group, and waits until it is ready; {@link #url(String)} and {@link #kill(String)} take its
     * name.
     */
    public ServiceProcess startReplica(String service, String instance, Map<String, String> extra) throws Exception {
        ServiceProcess replica = launchers.get(service).launch(instance, ServicePorts.free().data(), extra);
        services.put(instance, replica);
        replica.awaitReady(READY_TIMEOUT);
        return replica;
    }

    /** Kills a process (a service or a replica) with SIGKILL and leaves it dead. */
    public void kill(String name) throws InterruptedException {
        services.get(name).kill();
    }

    /** Where the stack's Kafka broker listens, for a test that reads the topics itself. */
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /**
     * Restarts the Kafka broker, down for {@code outage}, while the services keep running: their clients must
     * reconnect and nothing in flight may be lost.
     */
    public void restartKafka(Duration outage) throws Exception {
        kafka.restartBroker(outage);
    }

    /**
     * Restarts PostgreSQL (a fast shutdown that ends every session), down for {@code outage}, on the same port
     * over the same data, while the services keep running.
     */
    public void restartPostgres(Duration outage) throws Exception {
        postgres.restart(outage);
    }

    public ServiceProcess service(String name) {
        return services.get(name);
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services.values());
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            try {
                stoppedAll.await(); // a second caller (Ctrl-C during a normal stop) returns once all has stopped
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        try {
            stopAll();
        } finally {
            stoppedAll.countDown();
        }
    }

    private void stopAll() {
        List<Thread> stopping = new ArrayList<>();
        for (ServiceProcess service : services.values()) {
            Thread t = new Thread(() -> service.stop(STOP_GRACE), "stop-" + service.name());
            t.start();
            stopping.add(t);
        }
        for (Thread t : stopping) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (kafka != null) {
                kafka.close();
            }
        } catch (Exception e) {
            System.err.println("Kafka did not stop cleanly: " + e);
        }
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (Exception e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e);
        }
        try {
            if (s3 != null) {
                s3.close();
            }
        } catch (Exception e) {
            System.err.println("S3Proxy did not stop cleanly: " + e);
        }
    }

    private static ServiceProcess launch(Path home, Path runDir, String name, String instance, int port,
                                         String database, LocalPostgres postgres, Map<String, String> common,
                                         List<String> jvmArgs) throws Exception {
        Map<String, String> env = new HashMap<>(common);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database));
        // A process restarted under its name takes its own running jobs back at once (its name in job leases).
        env.put("RANKFORGE_JOBS_INSTANCE", instance);
        Path jar = home.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        return ServiceProcess.start(instance, jar, port, jvmArgs, env, runDir.resolve(instance + ".log"));
    }

    private static Map<String, String> with(Map<String, String> common, Map<String, String> extra) {
        Map<String, String> out = new HashMap<>(common);
        out.putAll(extra);
        return out;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return Collections.unmodifiableList(out);
    }
}
