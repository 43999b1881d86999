package vn.ishc.registry.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.ishc.testkit.contract.OpenApiContract;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * registry's OpenAPI document is what a partner's generator and linter need, and equals the reviewed
 * copy in docs/openapi (every API test also checks its exchanges against it, see ContractValidation).
 */
@QuarkusTest
class ApiDocumentTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void theDocumentHasNoGapAGeneratorOrLinterTripsOn() throws Exception {
        assertEquals(List.of(), OpenApiContract.gaps(OpenApiContract.live(base)));
    }

    @Test
    void theDocumentEqualsTheReviewedCopy() throws Exception {
        JsonNode live = OpenApiContract.live(base);
        assertEquals(List.of(), OpenApiContract.differencesFromReviewedCopy(live, Path.of("..", "docs", "openapi", "registry.json")));
    }
}
