package vn.ishc.registry;

import io.quarkus.test.junit.QuarkusTest;
import vn.ishc.testkit.operational.OperationalEndpointsChecks;

/** Health, metrics, OpenAPI and the event schemas are open to ops and partners without a token. */
@QuarkusTest
class OperationalEndpointsTest extends OperationalEndpointsChecks {

    OperationalEndpointsTest() {
        super(Expected.outboxService()
                .documents("/api/v1/clubs", "/api/v1/admin-units")
                .exposes("ishc_outbox_published_total", "ishc_outbox_pending")
                .publishesSchema("club-snapshot.v1.json", "ClubSnapshot"));
    }
}
