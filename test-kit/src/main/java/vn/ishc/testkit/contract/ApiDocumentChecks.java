package vn.ishc.testkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A service's OpenAPI document is what a partner's generator and linter need, and equals the
 * reviewed copy in {@code docs/openapi/<service>.json}. Each service runs these checks with a
 * {@code @QuarkusTest} subclass naming itself (every API test also checks its exchanges against the
 * document, see {@link ContractValidation}).
 */
public abstract class ApiDocumentChecks {

    @TestHTTPResource("/")
    URI base;

    /** The service's short name, as in {@code docs/openapi/<name>.json}. */
    protected abstract String service();

    @Test
    void theDocumentHasNoGapAGeneratorOrLinterTripsOn() throws Exception {
        assertEquals(List.of(), OpenApiContract.gaps(OpenApiContract.live(base)));
    }

    @Test
    void theDocumentEqualsTheReviewedCopy() throws Exception {
        JsonNode live = OpenApiContract.live(base);
        assertEquals(List.of(), OpenApiContract.differencesFromReviewedCopy(live, Path.of("..", "docs", "openapi", service() + ".json")));
    }
}
