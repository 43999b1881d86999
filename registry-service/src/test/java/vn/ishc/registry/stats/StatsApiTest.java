package vn.ishc.registry.stats;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.ishc.registry.support.Api;
import vn.ishc.testkit.stack.Tokens;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** registry's own counts follow the counting rules on the date asked. */
@QuarkusTest
class StatsApiTest {

    private static Map<String, Integer> district(String asOf, String code) {
        JsonPath stats = given().auth().oauth2(Tokens.viewer()).queryParam("asOf", asOf)
                .when().get("/api/v1/stats").then().statusCode(200).extract().jsonPath();
        return stats.getMap("districts.find { it.code == '" + code + "' }");
    }

    @Test
    void countsOnADateByTheRules() {
        String admin = Tokens.provinceAdmin();
        Map<String, Integer> before = district("2019-06-30", "167");
        String club = Api.club(admin, "05551", "2018-01-10");   // a commune of Định Hóa (167)
        Api.addMember(admin, club, Api.member("gender", "FEMALE", "birthYear", null, "birthDate", "1959-06-30",
                "householdStatus", "POOR", "householdStatusYear", 2018, "joinedOn", "2018-02-01"));  // 60 on the day
        Api.addMember(admin, club, Api.member("gender", "MALE", "birthYear", 1959, "householdStatus", "NEAR_POOR",
                "householdStatusYear", 2018, "joinedOn", "2018-02-01"));                              // year only
        Api.addMember(admin, club, Api.member("gender", "FEMALE", "birthYear", null, "birthDate", "1959-07-01",
                "householdStatus", "HARDSHIP", "joinedOn", "2018-02-01"));                            // 60 tomorrow
        String leaves = Api.addMember(admin, club, Api.member("gender", "MALE", "birthYear", 1990, "joinedOn", "2018-02-01"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("leftOn", "2019-03-01", "reason", "Chuyển đi"))
                .post("/api/v1/clubs/" + club + "/members/" + leaves + "/departure").then().statusCode(200);
        Api.addMember(admin, club, Api.member("gender", "FEMALE", "birthYear", 1980, "joinedOn", "2019-07-01"));  // joins later

        Map<String, Integer> after = district("2019-06-30", "167");
        assertEquals(before.get("clubsActive") + 1, after.get("clubsActive"));
        assertEquals(before.get("membersActive") + 3, after.get("membersActive"));
        assertEquals(before.get("older") + 2, after.get("older"));
        assertEquals(before.get("women") + 2, after.get("women"));
        assertEquals(before.get("poor") + 1, after.get("poor"));
        assertEquals(before.get("nearPoor") + 1, after.get("nearPoor"));
        assertEquals(before.get("hardship") + 1, after.get("hardship"));

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("closedOn", "2019-06-30", "reason", "Giải thể"))
                .post("/api/v1/clubs/" + club + "/closure").then().statusCode(200);
        Map<String, Integer> closed = district("2019-06-30", "167");
        assertEquals(before.get("clubsActive"), closed.get("clubsActive"));
        assertEquals(before.get("membersActive"), closed.get("membersActive"));
    }

    @Test
    void theProvinceIsTheSumOfTheNineDistricts() {
        JsonPath stats = given().auth().oauth2(Tokens.viewer()).queryParam("asOf", "2025-06-30").when().get("/api/v1/stats")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(9, stats.getList("districts").size());
        assertEquals(stats.getList("districts.code"), stats.getList("areas.findAll { it.level == 'DISTRICT' }.code"));
        int sum = stats.<Integer>getList("districts.membersActive").stream().mapToInt(Integer::intValue).sum();
        assertEquals(sum, stats.getInt("province.membersActive"));
        given().auth().oauth2(Tokens.viewer()).queryParam("asOf", "2999-01-01").when().get("/api/v1/stats")
                .then().statusCode(400);
    }
}
