package vn.ishc.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 13's "done when", across the three services: clubs and money counted by the hierarchy in
 * force on each date, a split commune's club awaiting and then counting where it was assigned,
 * province totals continuous over 2025-07-01, coverage exact, reconciliation matching on both sides.
 */
class ReformIT {

    private static final String PROGRAMME_2017 = "TN-ISHC-2017-2020";
    private static final String PROGRAMME_2026 = "TN-ISHC-2026-2030";
    private static Suite suite;
    private static String viewer;
    private static String admin;

    @BeforeAll
    static void startSuite() throws Exception {
        suite = Suite.get();
        viewer = suite.token("viewer", null);
        admin = suite.token("province-admin", null);
        // The new communes have reached reporting through registry's admin-unit events.
        await().atMost(Duration.ofSeconds(90)).until(() -> progress(PROGRAMME_2017, "2025-07-01").getList("areas").size() == 92);
    }

    @Test
    void clubsCountWhereTheySitOnEachSideOfTheReformAndTheProvinceStaysContinuous() throws Exception {
        String officer = suite.token("district-officer", "164");
        JsonPath before2024 = progress(PROGRAMME_2017, "2024-12-31");
        JsonPath beforeReform = progress(PROGRAMME_2017, "2025-07-01");
        int district164 = before2024.getInt("districts.find { it.code == '164' }.clubs.active");
        int commune05443 = beforeReform.getInt("areas.find { it.code == '05443' }.clubs.active");
        int commune05467 = beforeReform.getInt("areas.find { it.code == '05467' }.clubs.active");
        long awaiting = beforeReform.getLong("clubsAwaitingSuccessor");

        String tucDuyen = club(officer, "05437", "2018-03-15");
        member(officer, tucDuyen, "1950");
        member(officer, tucDuyen, "1985");
        String giaSang = club(officer, "05461", "2018-03-15");
        member(officer, giaSang, "1952");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath before = progress(PROGRAMME_2017, "2024-12-31");
            JsonPath after = progress(PROGRAMME_2017, "2025-07-01");
            assertEquals(district164 + 2, before.getInt("districts.find { it.code == '164' }.clubs.active"));
            assertEquals("DISTRICT", before.getString("areas.find { it.code == '164' }.level"));
            assertEquals(commune05443 + 1, after.getInt("areas.find { it.code == '05443' }.clubs.active"));
            assertEquals("COMMUNE", after.getString("areas.find { it.code == '05443' }.level"));
            assertEquals("Phường Phan Đình Phùng", after.getString("areas.find { it.code == '05443' }.name"));
            assertEquals(awaiting + 1, after.getLong("clubsAwaitingSuccessor"));
            assertEquals(List.of(), after.getList("districts"), "no districts after the reform");
        });
        assertContinuousAtProvinceLevel();

        // The province assigns the split commune's club; it then counts in the commune chosen.
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("communeCode", "05467"))
                .post(suite.registry.baseUrl() + "/api/v1/clubs/" + giaSang + "/successor").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath after = progress(PROGRAMME_2017, "2025-07-01");
            assertEquals(commune05467 + 1, after.getInt("areas.find { it.code == '05467' }.clubs.active"));
            assertEquals(awaiting, after.getLong("clubsAwaitingSuccessor"));
        });
        assertContinuousAtProvinceLevel();
        reconciliationMatches(PROGRAMME_2017, "2024-12-31");
        reconciliationMatches(PROGRAMME_2017, "2025-07-01");
    }

    @Test
    void moneyFollowsTheHierarchyInForceOnItsDate() throws Exception {
        String areaOfficer = suite.token("area-officer", "05443");
        String donor = given().auth().oauth2(areaOfficer).contentType(ContentType.JSON)
                .body(Map.of("name", "Hội doanh nhân phường Phan Đình Phùng " + tag(), "type", "BUSINESS"))
                .post(suite.funding.baseUrl() + "/api/v1/donors").then().statusCode(201).extract().path("id");
        // Money counts toward the programmes running when it came: this gift of 2026 toward 2026–2030's.
        long commune = progress(PROGRAMME_2026, "2026-03-01").getLong("areas.find { it.code == '05443' }.contributions.receivedVnd");
        given().auth().oauth2(areaOfficer).contentType(ContentType.JSON)
                .body(Map.of("donorId", donor, "form", "CASH", "amountVnd", 7_000_000, "receivedOn", "2026-02-01", "districtCode", "164"))
                .post(suite.funding.baseUrl() + "/api/v1/contributions").then().statusCode(400);
        given().auth().oauth2(areaOfficer).contentType(ContentType.JSON)
                .body(Map.of("donorId", donor, "form", "CASH", "amountVnd", 7_000_000, "receivedOn", "2026-02-01", "communeCode", "05482"))
                .post(suite.funding.baseUrl() + "/api/v1/contributions").then().statusCode(403);
        given().auth().oauth2(areaOfficer).contentType(ContentType.JSON)
                .body(Map.of("donorId", donor, "form", "CASH", "amountVnd", 7_000_000, "receivedOn", "2026-02-01", "communeCode", "05443"))
                .post(suite.funding.baseUrl() + "/api/v1/contributions").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(commune + 7_000_000,
                progress(PROGRAMME_2026, "2026-03-01").getLong("areas.find { it.code == '05443' }.contributions.receivedVnd")));
        reconciliationMatches(PROGRAMME_2026, "2026-03-01");

        // Money recorded to a district before the reform counts there, then at province level once the district has ended.
        String districtOfficer = suite.token("district-officer", "164");
        long city = progress(PROGRAMME_2017, "2019-06-30").getLong("districts.find { it.code == '164' }.contributions.receivedVnd");
        given().auth().oauth2(districtOfficer).contentType(ContentType.JSON)
                .body(Map.of("donorId", donor, "form", "CASH", "amountVnd", 3_000_000, "receivedOn", "2019-05-20", "districtCode", "164"))
                .post(suite.funding.baseUrl() + "/api/v1/contributions").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(city + 3_000_000,
                progress(PROGRAMME_2017, "2019-06-30").getLong("districts.find { it.code == '164' }.contributions.receivedVnd")));
        assertContinuousAtProvinceLevel();
        reconciliationMatches(PROGRAMME_2017, "2025-08-01");
    }

    @Test
    void coverageOfThe2026To2030ProgrammeIsExact() throws Exception {
        String officer = suite.token("area-officer", "05482");
        club(officer, "05482", "2026-02-01");
        await().atMost(Duration.ofSeconds(30)).until(() -> progress(PROGRAMME_2026, "2026-06-30").getInt("areas.find { it.code == '05482' }.clubs.active") >= 1);

        JsonPath progress = progress(PROGRAMME_2026, "2026-06-30");
        JsonPath stats = given().auth().oauth2(viewer).queryParam("asOf", "2026-06-30").get(suite.registry.baseUrl() + "/api/v1/stats")
                .then().statusCode(200).extract().jsonPath();
        List<String> covered = stats.getList("areas.findAll { it.level == 'COMMUNE' && it.clubsActive > 0 }.code");
        assertEquals(92, progress.getInt("coverage.communes"));
        assertEquals(covered.size(), progress.getInt("coverage.communesWithActiveClub"));
        assertEquals(Math.round(covered.size() * 10_000.0 / 92) / 10_000.0, progress.getDouble("coverage.share"), 1e-9);

        // By former district: the new communes that took over its communes, and those of them with a club.
        List<String> communesOf164 = given().auth().oauth2(viewer).queryParams("parentCode", "164", "asOf", "2025-06-30")
                .get(suite.registry.baseUrl() + "/api/v1/admin-units").then().statusCode(200).extract().jsonPath().getList("code");
        Set<String> heirs = new TreeSet<>();
        for (String code : communesOf164) {
            heirs.addAll(given().auth().oauth2(viewer).queryParam("asOf", "2025-06-30")
                    .get(suite.registry.baseUrl() + "/api/v1/admin-units/" + code + "/successors").then().statusCode(200)
                    .extract().jsonPath().getList("code"));
        }
        assertEquals(heirs.size(), progress.getInt("coverage.formerDistricts.find { it.code == '164' }.communes"));
        assertEquals(heirs.stream().filter(covered::contains).count(),
                progress.getLong("coverage.formerDistricts.find { it.code == '164' }.communesWithActiveClub"));
        assertEquals(9, progress.getList("coverage.formerDistricts").size());
        reconciliationMatches(PROGRAMME_2026, "2026-06-30");
    }

    /** The province's figures are the same on the last day of the districts and the first day of the communes. */
    private static void assertContinuousAtProvinceLevel() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath last = progress(PROGRAMME_2017, "2025-06-30");
            JsonPath first = progress(PROGRAMME_2017, "2025-07-01");
            // Every total but the older members, as someone may turn 60 on 1 July.
            for (String block : List.of("province.clubs.active", "province.members.active", "province.members.women", "province.members.poor",
                    "province.members.nearPoor", "province.members.hardship", "province.contributions")) {
                assertEquals((Object) last.get(block), first.get(block), block);
            }
        });
    }

    private static void reconciliationMatches(String programme, String asOf) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(admin)
                .queryParam("programme", programme).queryParam("asOf", asOf)
                .get(suite.reporting.baseUrl() + "/api/v1/reconciliation").then().statusCode(200)
                .body("status", equalTo("MATCH")).body("differences.size()", equalTo(0)));
    }

    private static String club(String token, String commune, String establishedOn) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "CLB Liên thế hệ " + tag(), "communeCode", commune, "establishedOn", establishedOn))
                .post(suite.registry.baseUrl() + "/api/v1/clubs").then().statusCode(201).extract().path("id");
    }

    private static void member(String token, String club, String birthYear) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("fullName", "Người " + tag(), "gender", "FEMALE", "birthYear", Integer.parseInt(birthYear),
                        "householdStatus", "POOR", "joinedOn", "2018-04-01"))
                .post(suite.registry.baseUrl() + "/api/v1/clubs/" + club + "/members").then().statusCode(201);
    }

    private static JsonPath progress(String programme, String asOf) {
        return given().auth().oauth2(viewer).queryParam("asOf", asOf)
                .get(suite.reporting.baseUrl() + "/api/v1/programmes/" + programme + "/progress")
                .then().statusCode(200).extract().jsonPath();
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
