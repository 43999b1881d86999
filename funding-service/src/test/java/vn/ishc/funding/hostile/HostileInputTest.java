package vn.ishc.funding.hostile;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ishc.funding.support.Donors;
import vn.ishc.funding.support.Registry;
import vn.ishc.testkit.hostile.HostileInputSuite;
import vn.ishc.testkit.hostile.RowCounts;
import vn.ishc.testkit.stack.Tokens;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Thousands of invalid requests, generated from funding's own OpenAPI document, against every
 * write and list: none may answer 5xx or 2xx, each must be a problem naming the faulty field, none
 * may write a row (money records, idempotency keys, history or outbox), and the service stays ready.
 */
@QuarkusTest
class HostileInputTest {

    static final List<String> TABLES = List.of("donor", "contribution", "pledge", "idempotency_record", "change_log", "outbox_event",
            "import_job", "import_row");

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource database;

    @Test
    void noInvalidRequestCrashesStallsOrWrites() throws Exception {
        Registry.districtsKnown();
        String admin = Tokens.provinceAdmin();
        String donor = Donors.create(admin, "BUSINESS");
        String contribution = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("donorId", donor, "form", "CASH", "amountVnd", 5_000_000, "receivedOn", "2019-05-20", "districtCode", "164"))
                .post("/api/v1/contributions").then().statusCode(201).extract().path("id");
        String pledge = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("donorId", donor, "amountVnd", 10_000_000, "pledgedOn", "2019-01-10", "dueOn", "2019-12-31", "districtCode", "164"))
                .post("/api/v1/pledges").then().statusCode(201).extract().path("id");

        // A checked import waiting for its commit: every invalid commit must leave it (and everything else) as it is.
        String job = given().auth().oauth2(admin).contentType("text/csv").queryParam("kind", "contributions")
                .body("donorName,donorType,form,amountVnd,receivedOn,districtCode,receiptNo\r\nCông ty Hostile,BUSINESS,CASH,1000000,20/05/2019,164,PT-HOSTILE-JOB\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/imports").then().statusCode(201).extract().path("id");

        HostileInputSuite.against(base, admin)
                .pathValues((path, name) -> "format".equals(name) ? "csv"
                        : path.startsWith("/api/v1/contributions/") ? contribution
                        : path.startsWith("/api/v1/pledges/") ? pledge
                        : path.startsWith("/api/v1/donors/") ? donor
                        : path.startsWith("/api/v1/imports/") ? job : null)
                // Valid bodies (real donor, a known district) so that each case is refused for its own fault only.
                .baseline("POST /api/v1/contributions", """
                        {"donorId": "%s", "form": "IN_KIND", "amountVnd": 15000000, "valuationNote": "30 bao xi măng",
                         "receivedOn": "2019-05-20", "districtCode": "164", "purpose": "Sửa nhà", "receiptNo": "PT-HOSTILE-1"}""".formatted(donor))
                .baseline("POST /api/v1/pledges", """
                        {"donorId": "%s", "amountVnd": 20000000, "pledgedOn": "2019-01-10", "dueOn": "2019-12-31",
                         "districtCode": "164", "note": "Cam kết hỗ trợ"}""".formatted(donor))
                .rowCounts(RowCounts.of(database, TABLES))
                .atLeast(2_000)
                .run()
                .assertClean();
    }
}
