package vn.ishc.registry.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import vn.ishc.localstack.DevKeys;
import vn.ishc.localstack.StackProcess;

import java.nio.file.Path;
import java.util.Map;

/**
 * Starts a real PostgreSQL and a real Kafka once for this module's tests, fresh, each in its own
 * JVM so that a test can take the broker away and bring it back ({@link KafkaOutage}).
 */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    static final Path STACK_DIR = Path.of("target", "test-stack").toAbsolutePath();
    static final Path POSTGRES_DIR = STACK_DIR.resolve("postgres-server");
    static final Path KAFKA_DIR = STACK_DIR.resolve("kafka-broker");
    static final Path KEYS_DIR = STACK_DIR.resolveSibling("test-keys");

    private StackProcess postgres;
    private StackProcess kafka;

    @Override
    public Map<String, String> start() {
        try {
            postgres = StackProcess.start(POSTGRES_DIR, "postgres", true, 0, 0);
            kafka = StackProcess.start(KAFKA_DIR, "kafka", true, StackProcess.freePort(), StackProcess.freePort());
            Path publicKey = DevKeys.ensure(KEYS_DIR);
            return Map.of(
                    "quarkus.datasource.jdbc.url", postgres.jdbcUrl("registry"),
                    "quarkus.datasource.username", "registry",
                    "quarkus.datasource.password", "registry",
                    "kafka.bootstrap.servers", kafka.kafkaBootstrapServers(),
                    "mp.jwt.verify.publickey.location", publicKey.toString());
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test stack", e);
        }
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
