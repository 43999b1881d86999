package vn.ishc.reporting.survey;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ishc.reporting.config.Topics;
import vn.ishc.reporting.support.RegistryEvents;
import vn.ishc.testkit.kafka.EventSender;
import vn.ishc.testkit.stack.Tokens;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A survey round as in July–August 2017: visits to two districts, answers side by side, one district's proposals as a draft plan. */
@QuarkusTest
class SurveyRoundsTest {

    static final String ADMIN = Tokens.provinceAdmin();
    static final String CITY = "164";
    static final String SONG_CONG = "165";
    static final String COMMUNE = "05437";

    String programme;
    String round;

    @BeforeEach
    void round() {
        EventSender.send(Topics.ADMIN_UNITS, CITY, RegistryEvents.adminUnit(CITY, "Thái Nguyên", "Thành phố Thái Nguyên", "DISTRICT", "thanh-pho", "19").toString());
        EventSender.send(Topics.ADMIN_UNITS, SONG_CONG, RegistryEvents.adminUnit(SONG_CONG, "Sông Công", "Thành phố Sông Công", "DISTRICT", "thanh-pho", "19").toString());
        EventSender.send(Topics.ADMIN_UNITS, COMMUNE, RegistryEvents.adminUnit(COMMUNE, "Túc Duyên", "Phường Túc Duyên", "COMMUNE", "phuong", CITY).toString());
        programme = "TN-SURVEY-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("code", programme, "name", "Chương trình thử khảo sát", "startsOn", "2017-01-01", "endsOn", "2020-12-31"))
                .post("/api/v1/programmes").then().statusCode(201);
        round = await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("title", "Khảo sát thực trạng CLB năm 2017", "purpose", "Hoàn thiện kế hoạch nhân rộng",
                        "startsOn", "2017-07-24", "endsOn", "2017-08-31", "districtCodes", List.of(CITY, SONG_CONG)))
                .post("/api/v1/programmes/" + programme + "/survey-rounds").then().extract().path("id"), id -> id != null);
    }

    @Test
    void visitsAreRecordedAndShownSideBySideAndProposalsBecomeADraftPlan() {
        given().auth().oauth2(Tokens.districtOfficer(CITY)).contentType(ContentType.JSON)
                .body(Map.of("title", "Đợt khác", "startsOn", "2017-07-24", "endsOn", "2017-08-31", "districtCodes", List.of(CITY)))
                .post("/api/v1/programmes/" + programme + "/survey-rounds").then().statusCode(403);

        Response city = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(visit(CITY, null, "2017-07-26"))
                .post(rounds() + "/visits");
        city.then().statusCode(201).body("participants[1].headCount", equalTo(5));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(visit(CITY, null, "2017-07-27"))
                .post(rounds() + "/visits").then().statusCode(409);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(visit(CITY, COMMUNE, "2017-07-26"))
                .post(rounds() + "/visits").then().statusCode(201);
        Map<String, Object> songCong = visit(SONG_CONG, null, "2017-08-02");
        songCong.put("proposedClubs", List.of(Map.of("year", 2018, "newClubs", 2), Map.of("year", 2019, "newClubs", 3)));
        given().auth().oauth2(Tokens.districtOfficer(SONG_CONG)).contentType(ContentType.JSON).body(songCong)
                .post(rounds() + "/visits").then().statusCode(201);

        JsonPath sideBySide = given().auth().oauth2(Tokens.viewer()).get(rounds()).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(CITY, SONG_CONG), sideBySide.getList("districts.code"));
        assertEquals(2, sideBySide.getList("districts[0].visits").size(), "the district and its commune");
        assertEquals(List.of(6, 8), sideBySide.getList("districts[0].proposedClubs.newClubs"));
        assertEquals("Kinh phí ban đầu còn thiếu", sideBySide.getString("districts[1].visits[0].difficulties"));

        // one call: the city's proposals as its draft plan, the clubs operating now as maintained
        Response draft = given().auth().oauth2(ADMIN).post(rounds() + "/districts/" + CITY + "/draft-plan");
        draft.then().statusCode(201).body("status", equalTo("DRAFT")).body("districtCode", equalTo(CITY));
        assertEquals(List.of(2018, 2019), draft.jsonPath().getList("years.year"));
        assertEquals(List.of(6, 8), draft.jsonPath().getList("years.newClubs"));
        assertEquals(List.of(4, 4), draft.jsonPath().getList("years.maintainedClubs"));
        given().auth().oauth2(ADMIN).post(rounds() + "/districts/" + CITY + "/draft-plan").then().statusCode(409);

        String visitPath = "/api/v1/survey-visits/" + city.path("id");
        Map<String, Object> corrected = visit(CITY, null, "2017-07-26");
        corrected.put("clubsOperating", 5);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(corrected).put(visitPath).then().statusCode(428);
        given().auth().oauth2(ADMIN).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(corrected).put(visitPath)
                .then().statusCode(200).body("clubsOperating", equalTo(5));
        List<String> steps = given().auth().oauth2(ADMIN).get(rounds() + "/history").then().statusCode(200).extract().jsonPath().getList("action");
        assertEquals(List.of("OPENED", "VISIT_RECORDED", "VISIT_RECORDED", "VISIT_RECORDED", "VISIT_CHANGED"), steps);
    }

    @Test
    void badVisitsAreRefusedWithEveryFieldNamedAndChangeNothing() {
        Map<String, Object> bad = visit("166", "99999", "2017-09-15");
        bad.put("participants", List.of(Map.of("organisation", "Hội Người cao tuổi", "headCount", -1)));
        bad.put("proposedClubs", List.of(Map.of("year", 2016, "newClubs", 1)));
        List<String> fields = given().auth().oauth2(ADMIN).header("Accept-Language", "vi").contentType(ContentType.JSON).body(bad)
                .post(rounds() + "/visits").then().statusCode(400).extract().jsonPath().getList("errors.field");
        assertTrue(fields.containsAll(List.of("districtCode", "visitedOn", "participants[0].headCount", "proposedClubs[0].year")), fields.toString());
        given().auth().oauth2(Tokens.districtOfficer(SONG_CONG)).contentType(ContentType.JSON).body(visit(CITY, null, "2017-07-26"))
                .post(rounds() + "/visits").then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(visit(CITY, "99999", "2017-07-26"))
                .post(rounds() + "/visits").then().statusCode(400).body("errors[0].field", equalTo("communeCode"));
        given().auth().oauth2(ADMIN).post(rounds() + "/districts/" + SONG_CONG + "/draft-plan").then().statusCode(409);
        // outside the caller's scope: another district's visit and draft plan, and any write by a viewer
        String cityVisit = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(visit(CITY, null, "2017-07-26"))
                .post(rounds() + "/visits").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.districtOfficer(SONG_CONG)).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(visit(CITY, null, "2017-07-27")).put("/api/v1/survey-visits/" + cityVisit).then().statusCode(403);
        given().auth().oauth2(Tokens.districtOfficer(SONG_CONG)).post(rounds() + "/districts/" + CITY + "/draft-plan").then().statusCode(403);
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body(visit(SONG_CONG, null, "2017-08-02"))
                .post(rounds() + "/visits").then().statusCode(403);
        given().auth().oauth2(Tokens.viewer()).post(rounds() + "/districts/" + CITY + "/draft-plan").then().statusCode(403);
        given().auth().oauth2(ADMIN).get("/api/v1/survey-visits/" + cityVisit).then().body("visitedOn", equalTo("2017-07-26"));
        given().auth().oauth2(ADMIN).get("/api/v1/programmes/" + programme + "/district-plans").then().body("size()", equalTo(0));
        given().auth().oauth2(ADMIN).get("/api/v1/survey-rounds/" + UUID.randomUUID()).then().statusCode(404);
        assertFalse(given().auth().oauth2(ADMIN).get(rounds()).then().extract().jsonPath().getBoolean("districts[1].visited"), "no refused call wrote a visit");
    }

    private String rounds() {
        return "/api/v1/survey-rounds/" + round;
    }

    private static Map<String, Object> visit(String district, String commune, String on) {
        Map<String, Object> visit = new HashMap<>();
        visit.put("districtCode", district);
        visit.put("communeCode", commune);
        visit.put("visitedOn", on);
        visit.put("place", "Hội trường UBND");
        visit.put("participants", List.of(Map.of("organisation", "Sở Lao động - Thương binh và Xã hội", "headCount", 3),
                Map.of("organisation", "Hội Người cao tuổi", "headCount", 5)));
        visit.put("clubsSeen", 2);
        visit.put("clubsOperating", 4);
        visit.put("proposedClubs", List.of(Map.of("year", 2018, "newClubs", 6), Map.of("year", 2019, "newClubs", 8)));
        visit.put("targetGroups", "Người cao tuổi thuộc hộ nghèo, cận nghèo");
        visit.put("advantages", "Cấp ủy, chính quyền quan tâm");
        visit.put("difficulties", "Kinh phí ban đầu còn thiếu");
        visit.put("proposals", "Hỗ trợ tập huấn ban chủ nhiệm");
        return visit;
    }
}
