package vn.ishc.e2e;

/** The running suite, for the benchmark in another package. */
public final class SuiteAccess {

    private final Suite suite;

    private SuiteAccess(Suite suite) {
        this.suite = suite;
    }

    public static SuiteAccess start() throws Exception {
        return new SuiteAccess(Suite.get());
    }

    public String token(String role) throws Exception {
        return suite.token(role, null);
    }

    public String token(String role, String district) throws Exception {
        return suite.token(role, district);
    }

    public String registryUrl() {
        return suite.registry.baseUrl();
    }

    public String reportingUrl() {
        return suite.reporting.baseUrl();
    }

    /** reporting's database: JDBC URL, user and password. */
    public String[] reportingDatabase() {
        return new String[] {suite.stack.jdbcUrl("reporting"), suite.stack.databaseUser("reporting"), "reporting"};
    }

    /** registry's database: JDBC URL, user and password. */
    public String[] registryDatabase() {
        return new String[] {suite.stack.jdbcUrl("registry"), suite.stack.databaseUser("registry"), "registry"};
    }

    /** Each service's process id and base URL, for the benchmark's memory readings (registry, funding, reporting). */
    public java.util.Map<String, java.util.Map.Entry<Long, String>> serviceProcesses() {
        java.util.Map<String, java.util.Map.Entry<Long, String>> processes = new java.util.LinkedHashMap<>();
        processes.put("registry", java.util.Map.entry(suite.registry.pid(), suite.registry.baseUrl()));
        processes.put("funding", java.util.Map.entry(suite.funding.pid(), suite.funding.baseUrl()));
        processes.put("reporting", java.util.Map.entry(suite.reporting.pid(), suite.reporting.baseUrl()));
        return processes;
    }

    /** The JVM options service {@code name} was started with. */
    public java.util.List<String> serviceJvmOptions(String name) {
        return ServiceProcess.jvmOptions(name);
    }

    /** Stops reporting gracefully, as for an outage; whether it ended by itself. {@link #startReporting()} brings it back. */
    public boolean stopReporting() {
        return suite.stopReporting();
    }

    /** Starts reporting again on its port; returns once it answers ready. */
    public void startReporting() throws Exception {
        suite.startReporting();
    }

    public String kafkaBootstrapServers() {
        return suite.kafkaBootstrapServers();
    }
}
