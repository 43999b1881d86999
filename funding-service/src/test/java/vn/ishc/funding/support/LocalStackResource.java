package vn.ishc.funding.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import vn.ishc.localstack.DevKeys;
import vn.ishc.localstack.StackProcess;

import java.nio.file.Path;
import java.util.Map;

/**
 * Starts a real PostgreSQL and Kafka once for this module's tests (a separate JVM, fresh data in
 * target/test-stack) and points the service at them.
 */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    static final Path STACK_DIR = Path.of("target", "test-stack").toAbsolutePath();
    static final Path KEYS_DIR = STACK_DIR.resolveSibling("test-keys");

    private StackProcess stack;

    @Override
    public Map<String, String> start() {
        try {
            stack = StackProcess.start(STACK_DIR);
            Path publicKey = DevKeys.ensure(KEYS_DIR);
            return Map.of(
                    "quarkus.datasource.jdbc.url", stack.jdbcUrl("funding"),
                    "quarkus.datasource.username", "funding",
                    "quarkus.datasource.password", "funding",
                    "kafka.bootstrap.servers", stack.kafkaBootstrapServers(),
                    "mp.jwt.verify.publickey.location", publicKey.toString());
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test stack", e);
        }
    }

    @Override
    public void stop() {
        if (stack != null) {
            stack.close();
        }
    }
}
