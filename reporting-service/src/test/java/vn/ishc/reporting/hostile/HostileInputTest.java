package vn.ishc.reporting.hostile;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import io.restassured.http.ContentType;
import vn.ishc.reporting.config.Topics;
import vn.ishc.reporting.support.EventSender;
import vn.ishc.reporting.support.RegistryEvents;
import vn.ishc.reporting.support.Tokens;
import vn.ishc.testkit.hostile.HostileInputSuite;
import vn.ishc.testkit.hostile.RowCounts;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Thousands of invalid requests, generated from reporting's own OpenAPI document, against every
 * write and every read with parameters: none may answer 5xx or 2xx, each must be a problem naming
 * the faulty field, no programme, target, plan or report may change, and the service stays ready.
 */
@QuarkusTest
class HostileInputTest {

    static final List<String> TABLES = List.of("programme", "programme_target", "district_plan", "district_plan_year", "district_report",
            "change_log");

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource database;

    @Test
    void noInvalidRequestCrashesStallsOrWrites() throws Exception {
        // a plan and a report to aim at: the plan submitted, the report in draft
        EventSender.send(Topics.ADMIN_UNITS, "164", RegistryEvents.adminUnit("164", "Thái Nguyên", "Thành phố Thái Nguyên", "DISTRICT", "thanh-pho", "19").toString());
        String officer = Tokens.districtOfficer("164");
        String plan = await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("districtCode", "164", "years", List.of(Map.of("year", 2018, "newClubs", 1, "maintainedClubs", 0,
                        "olderMembers", 10, "contributionsVnd", 0))))
                .post("/api/v1/programmes/TN-ISHC-2017-2020/district-plans").then().extract().path("id"), id -> id != null);
        given().auth().oauth2(officer).header("If-Match", "*").post("/api/v1/district-plans/" + plan + "/submission").then().statusCode(200);
        String report = given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("districtCode", "164"))
                .post("/api/v1/programmes/TN-ISHC-2017-2020/report-periods/2018-H1/district-reports").then().statusCode(201).extract().path("id");
        HostileInputSuite.against(base, Tokens.provinceAdmin())
                .pathValues((path, name) -> switch (name) {
                    case "code" -> "TN-ISHC-2017-2020";
                    case "district" -> "164";
                    case "period" -> "2018-H1";
                    case "id" -> path.startsWith("/api/v1/district-plans/") ? plan : report;
                    default -> null;
                })
                .rowCounts(RowCounts.of(database, TABLES))
                .atLeast(2_000)
                .run()
                .assertClean();
    }
}
