package vn.ishc.testkit.stack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import vn.ishc.localstack.DevKeys;
import vn.ishc.localstack.StackProcess;

import java.nio.file.Path;
import java.util.Map;

/**
 * Starts a real PostgreSQL and a real Kafka once for a module's tests (in a separate JVM, fresh data
 * in target/test-stack) and points the service at them. A service declares it on one class of its
 * test tree, naming its database:
 *
 * <pre>{@code
 * @WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL,
 *         initArgs = @ResourceArg(name = LocalStackResource.DATABASE, value = "funding"))
 * }</pre>
 *
 * <p>With {@code @ResourceArg(name = KAFKA, value = SEPARATE)} PostgreSQL and Kafka run each in its own
 * JVM (under {@link #POSTGRES_DIR} and {@link #KAFKA_DIR}), so that a test can take the broker away and
 * bring it back on the same ports and data.
 */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    /** Init argument: the service's database, also its login role and password. Required. */
    public static final String DATABASE = "database";
    /** Init argument: {@link #SHARED} (default) or {@link #SEPARATE}. */
    public static final String KAFKA = "kafka";
    /** PostgreSQL and Kafka in one JVM under {@link #STACK_DIR}. */
    public static final String SHARED = "shared";
    /** Kafka in a JVM of its own under {@link #KAFKA_DIR}, PostgreSQL in another under {@link #POSTGRES_DIR}. */
    public static final String SEPARATE = "separate";

    public static final Path STACK_DIR = Path.of("target", "test-stack").toAbsolutePath();
    public static final Path POSTGRES_DIR = STACK_DIR.resolve("postgres-server");
    public static final Path KAFKA_DIR = STACK_DIR.resolve("kafka-broker");
    public static final Path KEYS_DIR = STACK_DIR.resolveSibling("test-keys");

    private String database;
    private boolean separateKafka;
    private StackProcess postgres;
    private StackProcess kafka;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get(DATABASE);
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("LocalStackResource needs @ResourceArg(name = \"" + DATABASE + "\", value = <the service's database>)");
        }
        String kafkaMode = initArgs.getOrDefault(KAFKA, SHARED);
        if (!SHARED.equals(kafkaMode) && !SEPARATE.equals(kafkaMode)) {
            throw new IllegalArgumentException("init argument " + KAFKA + " must be " + SHARED + " or " + SEPARATE + ", not " + kafkaMode);
        }
        separateKafka = SEPARATE.equals(kafkaMode);
    }

    @Override
    public Map<String, String> start() {
        try {
            if (separateKafka) {
                postgres = StackProcess.start(POSTGRES_DIR, "postgres", true, 0, 0);
                kafka = StackProcess.start(KAFKA_DIR, "kafka", true, StackProcess.freePort(), StackProcess.freePort());
            } else {
                postgres = StackProcess.start(STACK_DIR);
                kafka = postgres;
            }
            Path publicKey = DevKeys.ensure(KEYS_DIR);
            return Map.of(
                    "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                    "quarkus.datasource.username", database,
                    "quarkus.datasource.password", database,
                    "kafka.bootstrap.servers", kafka.kafkaBootstrapServers(),
                    "mp.jwt.verify.publickey.location", publicKey.toString());
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test stack", e);
        }
    }

    @Override
    public void stop() {
        if (kafka != null && kafka != postgres) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
