package vn.ishc.funding.area;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ishc.funding.contribution.Contribution;
import vn.ishc.funding.support.Donors;
import vn.ishc.funding.support.Reform;
import vn.ishc.testkit.http.Bodies;
import vn.ishc.testkit.stack.Tokens;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Contributions and pledges on both sides of the 2025 reform (decision 0013): recorded to a district
 * while the province's districts are in force, to a commune directly under the province after, and
 * counted by the areas in force on the date asked.
 */
@QuarkusTest
class AcrossTheReformTest {

    static final String ADMIN = Tokens.provinceAdmin();
    static final String PHAN_DINH_PHUNG = Tokens.areaOfficer("05443");

    String donor;

    @BeforeEach
    void setUp() {
        Reform.known();
        donor = Donors.create(ADMIN, "BUSINESS");
    }

    private Map<String, Object> cash(Object... overrides) {
        return Bodies.overriding(Map.of("donorId", donor, "form", "CASH", "amountVnd", 7_000_000, "receivedOn", "2025-07-05",
                "communeCode", "05443"), overrides);
    }

    static ValidatableResponse post(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Accept-Language", "vi").body(body)
                .post("/api/v1/contributions").then();
    }

    static JsonPath stats(String asOf) {
        return given().auth().oauth2(Tokens.viewer()).queryParam("asOf", asOf).get("/api/v1/stats").then().statusCode(200).extract().jsonPath();
    }

    static long area(JsonPath stats, String code) {
        return stats.getLong("areas.find { it.code == '" + code + "' }.receivedVnd");
    }

    @Test
    void afterTheReformAContributionIsRecordedToACommuneAndCountsThere() {
        long before = area(stats("2025-07-05"), "05443");
        post(ADMIN, cash()).statusCode(201).body("communeCode", equalTo("05443")).body("districtCode", nullValue());
        JsonPath after = stats("2025-07-05");
        assertEquals(before + 7_000_000, area(after, "05443"));
        assertEquals("COMMUNE", after.getString("areas.find { it.code == '05443' }.level"));
        assertEquals(after.getLong("province.receivedVnd"), after.getLong("areas.sum { it.receivedVnd }"), "Σ areas = province");
        given().auth().oauth2(ADMIN).queryParam("communeCode", "05443").get("/api/v1/contributions").then().statusCode(200)
                .body("items.communeCode", not(hasItem(not(equalTo("05443")))));
    }

    @Test
    void aDistrictAfterItsEndAndACommuneBeforeTheReformAreRefusedAndNothingIsWritten() {
        long count = Contribution.count();
        post(ADMIN, cash("communeCode", null, "districtCode", "164")).statusCode(400)
                .body("errors[0].field", equalTo("districtCode"))
                .body("errors[0].message", containsString("Cấp huyện đã kết thúc"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(cash("communeCode", null, "districtCode", "164")).post("/api/v1/contributions").then().statusCode(400)
                .body("errors[0].message", containsString("Districts ended"));
        post(ADMIN, cash("receivedOn", "2024-12-31")).statusCode(400).body("errors[0].field", equalTo("communeCode"));
        post(ADMIN, cash("communeCode", "05440")).statusCode(400).body("errors[0].field", equalTo("communeCode"));
        post(ADMIN, cash("communeCode", "05443", "districtCode", "164")).statusCode(400).body("errors[0].field", equalTo("districtCode"));
        assertEquals(count, Contribution.count());
    }

    @Test
    void aDistrictItemCountsInItsDistrictThenAtProvinceLevelFromTheDayTheDistrictEnds() {
        JsonPath lastDayBefore = stats("2024-12-31");
        JsonPath reformDayBefore = stats(Reform.DAY);
        post(ADMIN, cash("communeCode", null, "districtCode", "164", "receivedOn", "2024-12-31")).statusCode(201)
                .body("districtCode", equalTo("164")).body("communeCode", nullValue());
        JsonPath lastDay = stats("2024-12-31");
        JsonPath reformDay = stats(Reform.DAY);
        assertEquals(area(lastDayBefore, "164") + 7_000_000, area(lastDay, "164"));
        assertEquals(area(lastDayBefore, "19"), area(lastDay, "19"));
        assertEquals("PROVINCE", reformDay.getString("areas.find { it.code == '19' }.level"));
        assertNull(reformDay.get("areas.find { it.code == '164' }"), "no district is in force on the reform day");
        assertEquals(area(reformDayBefore, "19") + 7_000_000, area(reformDay, "19"));
        for (JsonPath stats : new JsonPath[] {lastDay, reformDay}) {
            assertEquals(stats.getLong("province.receivedVnd"), stats.getLong("areas.sum { it.receivedVnd }"), "Σ areas = province");
        }
    }

    @Test
    void anAreaOfficerActsInTheirCommunesOnly() {
        String theirs = post(PHAN_DINH_PHUNG, cash()).statusCode(201).extract().path("id");
        post(PHAN_DINH_PHUNG, cash("communeCode", "05482")).statusCode(403)
                .body("detail", containsString("Phường Quan Triều (05482)"));
        post(PHAN_DINH_PHUNG, cash("communeCode", null, "districtCode", "164", "receivedOn", "2024-12-31")).statusCode(403);
        post(PHAN_DINH_PHUNG, cash("communeCode", null)).statusCode(403);
        String district = post(ADMIN, cash("communeCode", null, "districtCode", "164", "receivedOn", "2024-12-31")).statusCode(201)
                .extract().path("id");
        reverse(PHAN_DINH_PHUNG, district).statusCode(403);
        reverse(Tokens.districtOfficer("164"), theirs).statusCode(403);
        reverse(PHAN_DINH_PHUNG, theirs).statusCode(200).body("status", equalTo("REVERSED"));
        reverse(Tokens.districtOfficer("164"), district).statusCode(200);

        Map<String, Object> pledge = Map.of("donorId", donor, "amountVnd", 20_000_000, "pledgedOn", "2025-07-02", "communeCode", "05443");
        given().auth().oauth2(PHAN_DINH_PHUNG).contentType(ContentType.JSON).body(pledge).post("/api/v1/pledges").then().statusCode(201)
                .body("communeCode", equalTo("05443")).body("districtCode", nullValue());
        given().auth().oauth2(PHAN_DINH_PHUNG).contentType(ContentType.JSON).body(Bodies.overriding(pledge, "communeCode", "05482"))
                .post("/api/v1/pledges").then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Bodies.overriding(pledge, "communeCode", null, "districtCode", "164"))
                .post("/api/v1/pledges").then().statusCode(400).body("errors[0].field", equalTo("districtCode"));
    }

    @Test
    void aPledgeOfACommuneIsOutstandingThereAndADistrictPledgeIsFulfilledAtProvinceLevelAfterTheReform() {
        long outstanding = stats("2025-07-06").getLong("areas.find { it.code == '05443' }.pledgedOutstandingVnd");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("donorId", donor, "amountVnd", 9_000_000, "pledgedOn", "2025-07-06", "communeCode", "05443"))
                .post("/api/v1/pledges").then().statusCode(201);
        assertEquals(outstanding + 9_000_000, stats("2025-07-06").getLong("areas.find { it.code == '05443' }.pledgedOutstandingVnd"));

        String pledge = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("donorId", donor, "amountVnd", 5_000_000, "pledgedOn", "2024-11-01", "districtCode", "164"))
                .post("/api/v1/pledges").then().statusCode(201).extract().path("id");
        post(ADMIN, cash("pledgeId", pledge, "amountVnd", 5_000_000)).statusCode(400).body("errors[0].field", equalTo("pledgeId"));
        post(ADMIN, cash("pledgeId", pledge, "amountVnd", 5_000_000, "communeCode", null)).statusCode(201);
        given().auth().oauth2(ADMIN).get("/api/v1/pledges/" + pledge).then().statusCode(200).body("status", equalTo("FULFILLED"));
    }

    private static ValidatableResponse reverse(String token, String id) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reversedOn", "2025-07-20", "reason", "Ghi nhầm"))
                .post("/api/v1/contributions/" + id + "/reversal").then();
    }

    @Test
    void aPersonRegisteredByAnAreaOfficerIsTheirCommunesPersonalData() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String person = given().auth().oauth2(PHAN_DINH_PHUNG).contentType(ContentType.JSON)
                .body(Map.of("name", "Nguyễn Thị Hoa " + tag, "type", "INDIVIDUAL"))
                .post("/api/v1/donors").then().statusCode(201).body("communeCodes", equalTo(java.util.List.of("05443")))
                .body("districtCode", nullValue()).extract().path("id");
        given().auth().oauth2(PHAN_DINH_PHUNG).get("/api/v1/donors/" + person).then().statusCode(200).body("name", containsString("Hoa"));
        String quanTrieu = Tokens.areaOfficer("05482");
        given().auth().oauth2(quanTrieu).get("/api/v1/donors/" + person).then().statusCode(200).body("name", nullValue());
        given().auth().oauth2(PHAN_DINH_PHUNG).queryParam("q", "hoa " + tag).get("/api/v1/donors").then().statusCode(200)
                .body("totalItems", equalTo(1));
        given().auth().oauth2(quanTrieu).queryParam("q", "hoa " + tag).get("/api/v1/donors").then().statusCode(200)
                .body("totalItems", equalTo(0));
        given().auth().oauth2(quanTrieu).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("phone", "0912345678")).patch("/api/v1/donors/" + person).then().statusCode(403);
        given().auth().oauth2(PHAN_DINH_PHUNG).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("phone", "0912345678")).patch("/api/v1/donors/" + person).then().statusCode(200);
    }
}
