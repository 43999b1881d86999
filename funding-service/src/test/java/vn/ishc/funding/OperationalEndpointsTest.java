package vn.ishc.funding;

import io.quarkus.test.junit.QuarkusTest;
import vn.ishc.testkit.operational.OperationalEndpointsChecks;

/** Health, metrics, OpenAPI and the event schemas are open to ops and partners without a token. */
@QuarkusTest
class OperationalEndpointsTest extends OperationalEndpointsChecks {

    OperationalEndpointsTest() {
        super(Expected.outboxService()
                .documents("/api/v1/donors")
                .exposes("jvm_memory_used_bytes")
                .publishesSchema("contribution-snapshot.v1.json", "ContributionSnapshot")
                .publishesSchema("pledge-snapshot.v1.json", "PledgeSnapshot"));
    }
}
