package vn.ishc.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs PostgreSQL and Kafka for the local suite until the process is told to stop (SIGTERM,
 * Ctrl-C) or, when started with {@code --parent-pid}, until that process ends.
 * Logs one line {@code ISHC-STACK-READY} and writes {@link StackSettings#readyFile()} once the
 * servers accept connections.
 */
public final class LocalStack {

    private static final Logger LOG = Logger.getLogger(LocalStack.class.getName());
    public static final String READY_LINE = "ISHC-STACK-READY";

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        StackSettings settings = StackSettings.parse(args);
        Files.createDirectories(settings.dataDir());
        Files.deleteIfExists(settings.readyFile());

        PostgresServer postgres = null;
        try {
            if (settings.withPostgres()) {
                postgres = PostgresServer.start(settings.postgresDir(), settings.postgresPort());
            }
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "PostgreSQL did not start on port " + settings.postgresPort()
                    + " (is the port taken? set ISHC_POSTGRES_PORT to another one)", e);
            System.exit(2);
            return;
        }
        KafkaBroker kafka = null;
        try {
            if (settings.withKafka()) {
                kafka = KafkaBroker.start(settings.kafkaDir(), settings.kafkaPort(), settings.controllerPort());
            }
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "Kafka did not start on ports " + settings.kafkaPort() + "/" + settings.controllerPort()
                    + " (is a port taken? set ISHC_KAFKA_PORT / ISHC_KAFKA_CONTROLLER_PORT)", e);
            if (postgres != null) {
                postgres.close();
            }
            System.exit(3);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        PostgresServer runningPostgres = postgres;
        KafkaBroker runningKafka = kafka;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping the local stack");
            try {
                Files.deleteIfExists(settings.readyFile());
            } catch (IOException ignored) {
                // the file only signals readiness; a stale one is replaced on the next start
            }
            if (runningKafka != null) {
                runningKafka.close();
            }
            try {
                if (runningPostgres != null) {
                    runningPostgres.close();
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "PostgreSQL did not stop cleanly", e);
            }
            stopped.countDown();
        }, "stack-shutdown"));
        settings.parentPid().stream().mapToObj(ProcessHandle::of).flatMap(java.util.Optional::stream).forEach(parent ->
                parent.onExit().thenRun(() -> System.exit(0)));

        writeReadyFile(settings, postgres, kafka);
        LOG.info(READY_LINE + (postgres == null ? "" : " postgres=127.0.0.1:" + postgres.port())
                + (kafka == null ? "" : " kafka=" + kafka.bootstrapServers()));
        stopped.await();
    }

    private static void writeReadyFile(StackSettings settings, PostgresServer postgres, KafkaBroker kafka) throws IOException {
        StringBuilder content = new StringBuilder("pid=" + ProcessHandle.current().pid() + "\n");
        if (postgres != null) {
            content.append("postgres.port=").append(postgres.port()).append('\n');
        }
        if (kafka != null) {
            content.append("kafka.bootstrap.servers=").append(kafka.bootstrapServers()).append('\n')
                    .append("kafka.port=").append(settings.kafkaPort()).append('\n')
                    .append("kafka.controller.port=").append(settings.controllerPort()).append('\n');
        }
        Path temp = settings.readyFile().resolveSibling("stack.ready.tmp");
        Files.writeString(temp, content.toString(), StandardCharsets.UTF_8);
        Files.move(temp, settings.readyFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
