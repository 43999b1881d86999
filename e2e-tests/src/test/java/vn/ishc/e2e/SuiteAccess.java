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

    public String kafkaBootstrapServers() {
        return suite.kafkaBootstrapServers();
    }
}
