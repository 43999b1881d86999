package vn.ishc.e2e;

import vn.ishc.localstack.DevKeys;
import vn.ishc.localstack.DevTokens;
import vn.ishc.localstack.StackProcess;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The whole suite for the end-to-end tests, started once per run: one stack, the three services
 * as separate processes, all on free ports, each service in its own database.
 */
final class Suite {

    private static final Path WORK = Path.of("target", "e2e").toAbsolutePath();
    private static Suite running;

    /** PostgreSQL, with the three services' databases. */
    final StackProcess stack;
    /** The Kafka broker, in a process of its own so that a test can take it away and bring it back. */
    private StackProcess kafka;
    private Properties kafkaReady;
    final ServiceProcess registry;
    final ServiceProcess funding;
    /** Replaced when a test kills reporting and starts it again. */
    volatile ServiceProcess reporting;
    private final Path keys;
    private final Map<String, Map<String, String>> environments;
    private final Map<String, Integer> ports;

    private Suite(StackProcess stack, StackProcess kafka, Path keys, List<ServiceProcess> services,
                  Map<String, Map<String, String>> environments, Map<String, Integer> ports) throws IOException {
        this.stack = stack;
        this.kafka = kafka;
        this.kafkaReady = StackProcess.readReadyFile(kafka.dataDir());
        this.keys = keys;
        this.registry = services.get(0);
        this.funding = services.get(1);
        this.reporting = services.get(2);
        this.environments = environments;
        this.ports = ports;
    }

    static synchronized Suite get() throws Exception {
        if (running == null) {
            StackProcess stack = StackProcess.start(WORK.resolve("stack"), "postgres", true, 0, 0);
            StackProcess kafka = StackProcess.start(WORK.resolve("kafka"), "kafka", true, StackProcess.freePort(), StackProcess.freePort());
            Path keys = WORK.resolve("keys");
            Path publicKey = DevKeys.ensure(keys);
            Path serviceToken = keys.resolve("reporting-service.token");
            java.nio.file.Files.writeString(serviceToken, DevTokens.mint(DevKeys.readPrivateKey(keys), DevTokens.DEFAULT_ISSUER,
                    "reporting-service", "viewer", null, Duration.ofHours(6)));
            Started started = startServices(stack, kafka, publicKey, serviceToken);
            Suite suite = new Suite(stack, kafka, keys, started.services(), started.environments(), started.ports());
            // Stopped when the test JVM ends, even when the wait below fails (no service is left running).
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                suite.registry.close();
                suite.funding.close();
                suite.reporting.close();
                suite.extraReplicas.forEach(ServiceProcess::close);
                suite.kafka.close();
                stack.close();
            }, "e2e-suite-stop"));
            suite.awaitAdminUnitsInReporting();
            running = suite;
        }
        return running;
    }

    private record Started(List<ServiceProcess> services, Map<String, Map<String, String>> environments, Map<String, Integer> ports) {
    }

    /**
     * Starts the three services on free ports and waits until each is ready. A port is free when chosen but
     * another process on a shared machine may take it before the service binds it: then all three start
     * again on other ports (their databases keep what the first start migrated).
     */
    private static Started startServices(StackProcess stack, StackProcess kafka, Path publicKey, Path serviceToken) throws Exception {
        for (int attempt = 1; ; attempt++) {
            Map<String, Integer> ports = Map.of("registry", StackProcess.freePort(), "funding", StackProcess.freePort(),
                    "reporting", StackProcess.freePort());
            List<ServiceProcess> services = new ArrayList<>();
            Map<String, Map<String, String>> environments = new java.util.HashMap<>();
            for (String name : List.of("registry", "funding", "reporting")) {
                Map<String, String> environment = new java.util.HashMap<>(Map.of(
                        "QUARKUS_DATASOURCE_JDBC_URL", stack.jdbcUrl(name),
                        "QUARKUS_DATASOURCE_USERNAME", name,
                        "QUARKUS_DATASOURCE_PASSWORD", name,
                        "KAFKA_BOOTSTRAP_SERVERS", kafka.kafkaBootstrapServers(),
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString()));
                // reporting reconciles against the other two, on request and every few seconds here; the
                // benchmarks check every 5 minutes as Kubernetes does (-Dishc.reconciliation.checkEvery=5m):
                // each check aggregates every projected row, which would weigh on what they measure
                environment.put("ISHC_REGISTRY_URL", "http://127.0.0.1:" + ports.get("registry"));
                environment.put("ISHC_FUNDING_URL", "http://127.0.0.1:" + ports.get("funding"));
                environment.put("ISHC_RECONCILIATION_SERVICE_TOKEN_FILE", serviceToken.toString());
                environment.put("ISHC_RECONCILIATION_CHECK_EVERY", System.getProperty("ishc.reconciliation.checkEvery", "3s"));
                environment.put("ISHC_RECONCILIATION_FIRST_CHECK_AFTER", "1s");
                environment.put("ISHC_RECONCILIATION_SETTLE", "1s");
                environments.put(name, environment);
                services.add(ServiceProcess.start(name, ports.get(name), environment, WORK.resolve("logs")));
            }
            try {
                for (ServiceProcess service : services) {
                    service.awaitReady(Duration.ofMinutes(2));
                }
                return new Started(services, environments, ports);
            } catch (ServiceProcess.PortTaken taken) {
                services.forEach(ServiceProcess::close);
                if (attempt == 3) {
                    throw taken;
                }
            }
        }
    }

    /** Ready services may still be applying registry's administrative units: tests start once all 9 districts are there. */
    private void awaitAdminUnitsInReporting() throws Exception {
        String viewer = token("viewer", null);
        // Registry announces ~300 units at its first start; on a busy 2-core machine reporting may take a minute or more.
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            var response = io.restassured.RestAssured.given().auth().oauth2(viewer)
                    .get(reporting.baseUrl() + "/api/v1/programmes/TN-ISHC-2017-2020/progress");
            if (response.statusCode() == 200 && response.jsonPath().getList("districts").size() == 9) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reporting did not show the 9 districts within three minutes: " + response.asString()
                        + "\n--- registry's log ---\n" + registry.logTail() + "\n--- reporting's log ---\n" + reporting.logTail());
            }
            Thread.sleep(200);
        }
    }

    String kafkaBootstrapServers() {
        return kafka.kafkaBootstrapServers();
    }

    /** Stops the broker's process, as an outage would. */
    synchronized void stopKafka() throws Exception {
        kafka.close();
    }

    /** Starts the broker again on the same ports and data. */
    synchronized void startKafka() throws Exception {
        kafka = StackProcess.start(WORK.resolve("kafka"), "kafka", false, Integer.parseInt(kafkaReady.getProperty("kafka.port")),
                Integer.parseInt(kafkaReady.getProperty("kafka.controller.port")));
    }

    /** Kills reporting without warning ({@code kill -9}) and starts it again; returns once it is ready. */
    synchronized void killAndRestartReporting() throws Exception {
        reporting.kill();
        startReporting();
    }

    /**
     * Stops reporting as an operator would (SIGTERM: it closes its consumers and commits what it applied), for an
     * outage; whether it ended by itself (if not, it was killed after 30 s).
     */
    synchronized boolean stopReporting() {
        return reporting.stop();
    }

    /** Starts reporting again on its port, after {@link #stopReporting()} or a kill; returns once it is ready. */
    synchronized void startReporting() throws Exception {
        reporting = ServiceProcess.start("reporting", ports.get("reporting"), environments.get("reporting"), WORK.resolve("logs"));
        reporting.awaitReady(Duration.ofMinutes(2));
    }

    private final List<ServiceProcess> extraReplicas = new ArrayList<>();

    /** Starts another reporting replica (same database, same consumer group) on a free port. */
    synchronized ServiceProcess startReportingReplica() throws Exception {
        return startReportingReplica("reporting-2", Map.of());
    }

    /**
     * Starts another reporting replica logging as {@code label}, with {@code extra} environment on top of the
     * suite's (e.g. shorter rebuild take-over times, so that a test need not wait the production minute).
     */
    synchronized ServiceProcess startReportingReplica(String label, Map<String, String> extra) throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(environments.get("reporting"));
        environment.putAll(extra);
        ServiceProcess replica = ServiceProcess.start("reporting", label, StackProcess.freePort(), environment, WORK.resolve("logs"));
        replica.awaitReady(Duration.ofMinutes(2));
        extraReplicas.add(replica);
        return replica;
    }

    /** A superuser connection to the suite's PostgreSQL, to take a service's database away for a while. */
    java.sql.Connection postgresAdmin() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(stack.jdbcUrl("postgres"), "postgres", "");
    }

    String token(String role, String district) throws Exception {
        return DevTokens.mint(DevKeys.readPrivateKey(keys), DevTokens.DEFAULT_ISSUER, "e2e-" + role, role, district, Duration.ofHours(1));
    }
}
