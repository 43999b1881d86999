package vn.ishc.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/**
 * Starts the local stack in a child JVM on free ports, for tests: one call per test run (a module's
 * tests share it). The child's Kafka and Scala libraries stay out of the caller's classpath, and
 * the child stops when the caller's JVM ends, even if the caller is killed.
 */
public final class StackProcess implements AutoCloseable {

    private final Process process;
    private final Path dataDir;
    private final int postgresPort;
    private final String kafkaBootstrapServers;

    private StackProcess(Process process, Path dataDir, int postgresPort, String kafkaBootstrapServers) {
        this.process = process;
        this.dataDir = dataDir;
        this.postgresPort = postgresPort;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
    }

    /** Starts a stack with fresh data under {@code dataDir} (deleted first) and waits until it is ready. */
    public static StackProcess start(Path dataDir) throws IOException, InterruptedException {
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("stack.log");
        List<String> options = List.of(
                "--data-dir", dataDir.toString(),
                "--postgres-port", String.valueOf(freePort()),
                "--kafka-port", String.valueOf(freePort()),
                "--controller-port", String.valueOf(freePort()),
                "--parent-pid", String.valueOf(ProcessHandle.current().pid()));
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", classpath(), LocalStack.class.getName()));
        command.addAll(options);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        StackSettings settings = StackSettings.parse(options.toArray(String[]::new));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!Files.exists(settings.readyFile())) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IllegalStateException("The local stack did not start; see " + log + ":\n" + tail(log));
            }
            Thread.sleep(100);
        }
        Properties ready = new Properties();
        try (InputStream in = Files.newInputStream(settings.readyFile())) {
            ready.load(in);
        }
        StackProcess stack = new StackProcess(process, dataDir,
                Integer.parseInt(ready.getProperty("postgres.port")), ready.getProperty("kafka.bootstrap.servers"));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stack-process-stop"));
        return stack;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database;
    }

    /** Each service database has a login role of the same name, with that name as password. */
    public String databaseUser(String database) {
        return database;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String classpath() throws IOException {
        try (InputStream in = StackProcess.class.getResourceAsStream("/ishc-stack.classpath")) {
            if (in == null) {
                throw new IllegalStateException("ishc-stack.classpath is missing: build deploy/local with Maven first");
            }
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            Path ownCode = Path.of(StackProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return ownCode + java.io.File.pathSeparator + dependencies;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
