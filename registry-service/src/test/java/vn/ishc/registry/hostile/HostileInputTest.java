package vn.ishc.registry.hostile;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ishc.registry.support.Api;
import vn.ishc.testkit.hostile.HostileInputSuite;
import vn.ishc.testkit.hostile.RowCounts;
import vn.ishc.testkit.stack.Tokens;

import java.net.URI;
import java.util.List;

/**
 * Thousands of invalid requests, generated from registry's own OpenAPI document, against every
 * write and list: none may answer 5xx or 2xx, each must be a problem naming the faulty field, none
 * may write a row, and the service must stay ready.
 */
@QuarkusTest
class HostileInputTest {

    static final List<String> TABLES = List.of("club", "member", "change_log", "outbox_event", "admin_unit", "admin_unit_announcement",
            "import_job", "import_row", "club_placement", "admin_unit_succession");

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource database;

    @Test
    void noInvalidRequestCrashesStallsOrWrites() throws Exception {
        String admin = Tokens.provinceAdmin();
        String club = Api.club(admin, "05437", "2018-03-15");
        String member = Api.addMember(admin, club, Api.member());

        // A checked import waiting for its commit: every invalid commit must leave it (and everything else) as it is.
        String job = io.restassured.RestAssured.given().auth().oauth2(admin).contentType("text/csv").queryParam("kind", "clubs")
                .body("Xã/phường/thị trấn,Tên câu lạc bộ,Ngày thành lập CLB\r\n05437,CLB chờ ghi hostile,15/03/2018\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/imports").then().statusCode(201).extract().path("id");

        HostileInputSuite.against(base, admin)
                .pathValues((path, name) -> switch (name) {
                    case "id" -> path.startsWith("/api/v1/imports/") ? job : club;
                    case "clubId" -> club;
                    case "memberId" -> member;
                    case "format" -> "csv";
                    case "code" -> "05443";
                    default -> null;
                })
                .rowCounts(RowCounts.of(database, TABLES))
                .atLeast(2_000)
                .run()
                .assertClean();
    }
}
