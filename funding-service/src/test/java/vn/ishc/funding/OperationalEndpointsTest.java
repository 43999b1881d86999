package vn.ishc.funding;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** Health, metrics, OpenAPI and the event schemas are open to ops and partners without a token. */
@QuarkusTest
class OperationalEndpointsTest {

    @Test
    void readinessCoversTheDatabaseAndReportsTheOutboxWithoutDependingOnKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "outbox", "dead-letters"))
                .body("checks.name", org.hamcrest.Matchers.not(hasItems("Kafka connection health check")))
                .body("checks.find { it.name == 'outbox' }.data.kafkaReachable", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void openApiDescribesTheDonorEndpoints() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("/api/v1/donors"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }
}
