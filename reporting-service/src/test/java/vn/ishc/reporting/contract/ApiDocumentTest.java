package vn.ishc.reporting.contract;

import io.quarkus.test.junit.QuarkusTest;
import vn.ishc.testkit.contract.ApiDocumentChecks;

/** reporting's OpenAPI document: no gap for a generator or linter, and equal to docs/openapi/reporting.json. */
@QuarkusTest
class ApiDocumentTest extends ApiDocumentChecks {

    @Override
    protected String service() {
        return "reporting";
    }
}
