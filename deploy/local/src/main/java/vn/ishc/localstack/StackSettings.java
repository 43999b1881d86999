package vn.ishc.localstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Where the local stack keeps its data and which loopback ports it listens on.
 * Read from command-line options ({@code --data-dir DIR --postgres-port N --kafka-port N
 * --controller-port N --parent-pid N --components postgres,kafka}); the launcher passes them from its
 * environment. Tests may run PostgreSQL and Kafka as separate processes, to stop one and not the other.
 */
record StackSettings(Path dataDir, int postgresPort, int kafkaPort, int controllerPort, OptionalLong parentPid,
                     boolean withPostgres, boolean withKafka) {

    // Not 5432/9092: a developer's own PostgreSQL or Kafka must keep working beside the stack.
    static final int DEFAULT_POSTGRES_PORT = 15432;
    static final int DEFAULT_KAFKA_PORT = 19092;
    static final int DEFAULT_CONTROLLER_PORT = 19093;

    static StackSettings parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value pairs, got: " + name);
            }
            options.put(name.substring(2), args[++i]);
        }
        Path dataDir = Path.of(options.getOrDefault("data-dir", ".ishc/data")).toAbsolutePath();
        String parent = options.get("parent-pid");
        String components = options.getOrDefault("components", "postgres,kafka");
        return new StackSettings(dataDir,
                port(options, "postgres-port", DEFAULT_POSTGRES_PORT),
                port(options, "kafka-port", DEFAULT_KAFKA_PORT),
                port(options, "controller-port", DEFAULT_CONTROLLER_PORT),
                parent == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(parent)),
                components.contains("postgres"), components.contains("kafka"));
    }

    private static int port(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        int port = Integer.parseInt(value);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--" + name + " must be a port number, got " + value);
        }
        return port;
    }

    Path postgresDir() {
        return dataDir.resolve("postgres");
    }

    Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    /** Written once both servers accept connections; removed on shutdown. */
    Path readyFile() {
        return dataDir.resolve("stack.ready");
    }
}
