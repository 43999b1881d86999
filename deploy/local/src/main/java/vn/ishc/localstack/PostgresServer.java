package vn.ishc.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A real PostgreSQL server from the embedded binaries on Maven Central, with its data in a
 * directory that survives restarts, and one database and role per service.
 */
final class PostgresServer implements AutoCloseable {

    static final List<String> SERVICE_DATABASES = List.of("registry", "funding", "reporting");

    private static final Logger LOG = Logger.getLogger(PostgresServer.class.getName());

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static PostgresServer start(Path dataDir, int port) throws IOException, SQLException {
        Files.createDirectories(dataDir);
        stopOrphanedServer(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                // The binaries' defaults trade durability for speed; local data must survive a crash.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        PostgresServer server = new PostgresServer(postgres);
        server.createServiceDatabases();
        return server;
    }

    /**
     * A stack killed with SIGKILL leaves its postmaster running, holding the port and the data
     * directory. Stop it cleanly so this start can take over the same data.
     */
    private static void stopOrphanedServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        Optional<ProcessHandle> orphan;
        try {
            orphan = ProcessHandle.of(Long.parseLong(firstLine));
        } catch (NumberFormatException e) {
            return;
        }
        if (orphan.isEmpty() || !orphan.get().isAlive()) {
            return;
        }
        String command = orphan.get().info().command().orElse("");
        if (!command.endsWith("postgres")) {
            return; // the pid was reused by something else
        }
        LOG.info("Stopping a PostgreSQL server left running by an earlier stack (pid " + firstLine + ")");
        orphan.get().destroy();
        orphan.get().onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join();
    }

    private void createServiceDatabases() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String name : SERVICE_DATABASES) {
                if (!exists(statement, "select 1 from pg_roles where rolname = '" + name + "'")) {
                    statement.execute("create role " + name + " login password '" + name + "'");
                }
                if (!exists(statement, "select 1 from pg_database where datname = '" + name + "'")) {
                    statement.execute("create database " + name + " owner " + name + " encoding 'UTF8' template template0");
                    LOG.info("Created database " + name);
                }
            }
        }
    }

    private static boolean exists(Statement statement, String query) throws SQLException {
        try (ResultSet rows = statement.executeQuery(query)) {
            return rows.next();
        }
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
