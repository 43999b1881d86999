package vn.ishc.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service, started from its packaged application as its own process, as ./ishc starts it. */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    /** Where this process's part of the log begins (the file is appended to across restarts). */
    private final long logStart;

    private ServiceProcess(String name, int port, Process process, Path log, long logStart) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.logStart = logStart;
    }

    /** The service could not listen on its port: another process took it between choosing and binding. */
    static final class PortTaken extends IllegalStateException {
        PortTaken(String message) {
            super(message);
        }
    }

    static ServiceProcess start(String name, int port, Map<String, String> environment, Path logDir) throws IOException {
        return start(name, name, port, environment, logDir);
    }

    /** Starts service {@code name} under its own {@code label} (its log file), e.g. a second replica. */
    static ServiceProcess start(String name, String label, int port, Map<String, String> environment, Path logDir) throws IOException {
        Path jar = Path.of("..", name + "-service", "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify does)");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(label + ".log");
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions(name));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                // appended: a service started again after a kill keeps its earlier log
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("MALLOC_ARENA_MAX", "2"); // fewer glibc arenas holding freed native memory (as ./ishc)
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        return new ServiceProcess(name, port, builder.start(), log, logStart);
    }

    /**
     * The services' JVM options, read from ./ishc ({@code SERVICE_JVM_OPTS} and the service's heap in
     * {@code SERVICE_HEAP}), so that the suite and the benchmark run the services as ./ishc does; the
     * Kubernetes manifests' checks hold them to the same (memory sized in docs/benchmarks.md,
     * "National scale"). -Dishc.jvmOptions="..." replaces them, to measure others, and
     * -Dishc.jvmOptions.SERVICE="..." adds to one service's (e.g. a flight recording of reporting).
     */
    static List<String> jvmOptions(String service) {
        String given = System.getProperty("ishc.jvmOptions", "").trim();
        List<String> options = new java.util.ArrayList<>();
        if (!given.isEmpty()) {
            options.addAll(List.of(given.split("\\s+")));
        } else {
            options.addAll(IshcScript.jvmOptions(service));
        }
        String added = System.getProperty("ishc.jvmOptions." + service, "").trim();
        if (!added.isEmpty()) {
            options.addAll(List.of(added.split("\\s+")));
        }
        return options;
    }

    /** The operating system's id of the process, to read its memory from /proc. */
    long pid() {
        return process.pid();
    }

    /**
     * Waits until /q/health/ready answers 200 from this process: another process answering on the same
     * port (a clash of free ports) does not count, the service's own log must say it listens there.
     */
    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                String ownLog = ownLog();
                if (ownLog.contains("already bound") || ownLog.contains("Address already in use")) {
                    throw new PortTaken(name + "-service could not listen on port " + port + "; see " + log + "\n" + logTail());
                }
                throw new IllegalStateException(name + "-service stopped while starting; see " + log + "\n" + logTail());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200 && ownLog().contains("Listening on: http://0.0.0.0:" + port)) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + "-service not ready after " + timeout + "; see " + log + "\n" + logTail());
    }

    private String ownLog() throws IOException {
        try (var channel = Files.newByteChannel(log)) {
            channel.position(logStart);
            return new String(java.nio.channels.Channels.newInputStream(channel).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The last lines this process logged, for a failure message that CI prints (its files are gone afterwards). */
    String logTail() {
        try {
            List<String> lines = ownLog().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Ends the process at once (SIGKILL): no shutdown hook, no graceful close, as a crash or an OOM kill. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        stop();
    }

    /** Asks the process to end (SIGTERM), as an operator does; after 30 s kills it. Whether it ended by itself. */
    boolean stop() {
        process.destroy();
        try {
            if (process.waitFor(30, TimeUnit.SECONDS)) {
                return true;
            }
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
