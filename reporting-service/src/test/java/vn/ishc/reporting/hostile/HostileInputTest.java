package vn.ishc.reporting.hostile;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ishc.reporting.support.Tokens;
import vn.ishc.testkit.hostile.HostileInputSuite;
import vn.ishc.testkit.hostile.RowCounts;

import java.net.URI;
import java.util.List;

/**
 * Thousands of invalid requests, generated from reporting's own OpenAPI document, against every
 * write and every read with parameters: none may answer 5xx or 2xx, each must be a problem naming
 * the faulty field, no programme or target may change, and the service stays ready.
 */
@QuarkusTest
class HostileInputTest {

    static final List<String> TABLES = List.of("programme", "programme_target");

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource database;

    @Test
    void noInvalidRequestCrashesStallsOrWrites() throws Exception {
        HostileInputSuite.against(base, Tokens.provinceAdmin())
                .pathValues((path, name) -> switch (name) {
                    case "code" -> "TN-ISHC-2017-2020";
                    case "district" -> "164";
                    default -> null;
                })
                .rowCounts(RowCounts.of(database, TABLES))
                .atLeast(2_000)
                .run()
                .assertClean();
    }
}
