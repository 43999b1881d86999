package vn.ishc.reporting.hostile;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import io.restassured.http.ContentType;
import vn.ishc.reporting.config.Topics;
import vn.ishc.reporting.support.RegistryEvents;
import vn.ishc.testkit.hostile.HostileInputSuite;
import vn.ishc.testkit.hostile.RowCounts;
import vn.ishc.testkit.kafka.EventSender;
import vn.ishc.testkit.stack.Tokens;

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
            "change_log", "survey_round", "survey_round_district", "survey_visit");

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource database;

    @Test
    void noInvalidRequestCrashesStallsOrWrites() throws Exception {
        // a plan, a report, a survey round and a visit to aim at: the plan submitted, the report in draft
        EventSender.send(Topics.ADMIN_UNITS, "164", RegistryEvents.adminUnit("164", "Thái Nguyên", "Thành phố Thái Nguyên", "DISTRICT", "thanh-pho", "19").toString());
        String officer = Tokens.districtOfficer("164");
        String plan = await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("districtCode", "164", "years", List.of(Map.of("year", 2018, "newClubs", 1, "maintainedClubs", 0,
                        "olderMembers", 10, "contributionsVnd", 0))))
                .post("/api/v1/programmes/TN-ISHC-2017-2020/district-plans").then().extract().path("id"), id -> id != null);
        given().auth().oauth2(officer).header("If-Match", "*").post("/api/v1/district-plans/" + plan + "/submission").then().statusCode(200);
        String report = given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("districtCode", "164"))
                .post("/api/v1/programmes/TN-ISHC-2017-2020/report-periods/2018-H1/district-reports").then().statusCode(201).extract().path("id");
        String round = given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Khảo sát thử", "startsOn", "2017-07-24", "endsOn", "2017-08-31", "districtCodes", List.of("164")))
                .post("/api/v1/programmes/TN-ISHC-2017-2020/survey-rounds").then().statusCode(201).extract().path("id");
        String visit = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("districtCode", "164", "visitedOn", "2017-07-26", "place", "UBND thành phố", "participants", List.of(),
                        "clubsSeen", 1, "clubsOperating", 2, "proposedClubs", List.of()))
                .post("/api/v1/survey-rounds/" + round + "/visits").then().statusCode(201).extract().path("id");
        HostileInputSuite.against(base, Tokens.provinceAdmin())
                .pathValues((path, name) -> switch (name) {
                    case "code" -> "TN-ISHC-2017-2020";
                    case "district", "area" -> "164";
                    case "period" -> "2018-H1";
                    case "format" -> "csv";
                    case "id" -> path.startsWith("/api/v1/district-plans/") ? plan : path.startsWith("/api/v1/survey-rounds/") ? round
                            : path.startsWith("/api/v1/survey-visits/") ? visit : report;
                    default -> null;
                })
                .rowCounts(RowCounts.of(database, TABLES))
                .atLeast(2_000)
                .run()
                .assertClean();
    }
}
