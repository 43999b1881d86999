package vn.ishc.reporting;

import io.quarkus.test.junit.QuarkusTest;
import vn.ishc.testkit.operational.OperationalEndpointsChecks;

/** Health, metrics, OpenAPI and the event schemas are open to ops and partners without a token. */
@QuarkusTest
class OperationalEndpointsTest extends OperationalEndpointsChecks {

    OperationalEndpointsTest() {
        super(Expected.readyWith(DATABASE_CHECK, "SmallRye Reactive Messaging - readiness check")
                .documents("/api/v1/programmes/{code}/progress")
                .exposes("jvm_memory_used_bytes")
                .publishesSchema("district-review.v1.json", "DistrictReportStatusChanged"));
    }
}
