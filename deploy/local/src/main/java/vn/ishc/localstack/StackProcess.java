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
    private final Properties ready;

    private StackProcess(Process process, Path dataDir, Properties ready) {
        this.process = process;
        this.dataDir = dataDir;
        this.ready = ready;
    }

    /** Starts PostgreSQL and Kafka with fresh data under {@code dataDir} (deleted first) and waits until ready. */
    public static StackProcess start(Path dataDir) throws IOException, InterruptedException {
        return start(dataDir, "postgres,kafka", true, freePort(), freePort());
    }

    /**
     * Starts some components ({@code postgres}, {@code kafka} or both) under {@code dataDir}, fresh or on the
     * data an earlier process left there, and waits until ready. Kafka takes the given ports, so a broker
     * can be stopped and started again where its clients expect it.
     */
    public static StackProcess start(Path dataDir, String components, boolean fresh, int kafkaPort, int controllerPort)
            throws IOException, InterruptedException {
        if (fresh) {
            deleteRecursively(dataDir);
        }
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("stack.log");
        List<String> options = List.of(
                "--data-dir", dataDir.toString(),
                "--components", components,
                "--postgres-port", String.valueOf(freePort()),
                "--kafka-port", String.valueOf(kafkaPort),
                "--controller-port", String.valueOf(controllerPort),
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
        StackProcess stack = new StackProcess(process, dataDir, readReadyFile(dataDir));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stack-process-stop"));
        return stack;
    }

    /** What a running stack under {@code dataDir} announced: pid, ports, bootstrap servers. */
    public static Properties readReadyFile(Path dataDir) throws IOException {
        Properties ready = new Properties();
        try (InputStream in = Files.newInputStream(dataDir.resolve("stack.ready"))) {
            ready.load(in);
        }
        return ready;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + ready.getProperty("postgres.port") + "/" + database;
    }

    /** Each service database has a login role of the same name, with that name as password. */
    public String databaseUser(String database) {
        return database;
    }

    public String kafkaBootstrapServers() {
        return ready.getProperty("kafka.bootstrap.servers");
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

    /** Ports this JVM already handed out: the kernel may offer a just-closed port again. */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A port free now and not handed out before by this JVM (another process may still take it before it is bound). */
    public static int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                socket.setReuseAddress(true);
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
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
