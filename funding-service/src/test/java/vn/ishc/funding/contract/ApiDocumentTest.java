package vn.ishc.funding.contract;

import io.quarkus.test.junit.QuarkusTest;
import vn.ishc.testkit.contract.ApiDocumentChecks;

/** funding's OpenAPI document: no gap for a generator or linter, and equal to docs/openapi/funding.json. */
@QuarkusTest
class ApiDocumentTest extends ApiDocumentChecks {

    @Override
    protected String service() {
        return "funding";
    }
}
