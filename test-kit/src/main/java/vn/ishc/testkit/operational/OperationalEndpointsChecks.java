package vn.ishc.testkit.operational;

import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Health, metrics, OpenAPI and the event schemas are open to ops and partners without a token. A
 * service's {@code @QuarkusTest} extends this and says, in its constructor, what its endpoints must show:
 *
 * <pre>{@code
 * OperationalEndpointsTest() {
 *     super(Expected.outboxService().documents("/api/v1/donors").exposes("jvm_memory_used_bytes")
 *             .publishesSchema("pledge-snapshot.v1.json", "PledgeSnapshot"));
 * }
 * }</pre>
 */
public abstract class OperationalEndpointsChecks {

    /** The readiness check of the datasource, which every service has. */
    public static final String DATABASE_CHECK = "Database connections health check";

    private final Expected expected;

    protected OperationalEndpointsChecks(Expected expected) {
        this.expected = expected;
    }

    @Test
    void readinessIsUpAndReportsTheServiceChecks() {
        assertFalse(expected.readinessChecks.isEmpty(), "name the readiness checks");
        ValidatableResponse ready = given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(expected.readinessChecks.toArray(String[]::new)));
        if (expected.outboxInsteadOfKafka) {
            ready.body("checks.name", not(hasItems("Kafka connection health check")))
                    .body("checks.find { it.name == 'outbox' }.data.kafkaReachable", notNullValue());
        }
    }

    @Test
    void openApiDescribesTheServiceEndpoints() {
        assertFalse(expected.documentedPaths.isEmpty(), "name the documented paths");
        ValidatableResponse document = given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200);
        expected.documentedPaths.forEach(path -> document.body(containsString(path)));
    }

    @Test
    void prometheusMetricsAreExposed() {
        assertFalse(expected.exposedMetrics.isEmpty(), "name the exposed metrics");
        ValidatableResponse metrics = given().when().get("/q/metrics")
                .then().statusCode(200);
        expected.exposedMetrics.forEach(metric -> metrics.body(containsString(metric)));
    }

    @Test
    void eventSchemasArePublished() {
        assertFalse(expected.publishedSchemas.isEmpty(), "name the published event schemas");
        expected.publishedSchemas.forEach((file, title) -> given().when().get("/schemas/" + file)
                .then().statusCode(200)
                .body("title", containsString(title)));
    }

    /** What a service's operational endpoints must show. */
    public static final class Expected {

        private final List<String> readinessChecks;
        private final boolean outboxInsteadOfKafka;
        private List<String> documentedPaths = List.of();
        private List<String> exposedMetrics = List.of();
        private final Map<String, String> publishedSchemas = new LinkedHashMap<>();

        private Expected(List<String> readinessChecks, boolean outboxInsteadOfKafka) {
            this.readinessChecks = readinessChecks;
            this.outboxInsteadOfKafka = outboxInsteadOfKafka;
        }

        /**
         * A service that publishes through the kit's outbox: readiness covers the database, the outbox
         * and the dead letters, and never depends on Kafka (no Kafka check; the outbox reports whether
         * Kafka is reachable).
         */
        public static Expected outboxService() {
            return new Expected(List.of(DATABASE_CHECK, "outbox", "dead-letters"), true);
        }

        /** A service whose readiness reports (at least) these checks. */
        public static Expected readyWith(String... checks) {
            return new Expected(List.of(checks), false);
        }

        /** Paths the OpenAPI document (/q/openapi) must describe. */
        public Expected documents(String... paths) {
            documentedPaths = List.of(paths);
            return this;
        }

        /** Text /q/metrics must hold, e.g. metric names. */
        public Expected exposes(String... metrics) {
            exposedMetrics = List.of(metrics);
            return this;
        }

        /** An event schema served at /schemas/{file}, whose title contains {@code title}. */
        public Expected publishesSchema(String file, String title) {
            publishedSchemas.put(file, title);
            return this;
        }
    }
}
