package vn.ishc.registry.contract;

import io.quarkus.test.junit.QuarkusTest;
import vn.ishc.testkit.contract.ApiDocumentChecks;

/** registry's OpenAPI document: no gap for a generator or linter, and equal to docs/openapi/registry.json. */
@QuarkusTest
class ApiDocumentTest extends ApiDocumentChecks {

    @Override
    protected String service() {
        return "registry";
    }
}
