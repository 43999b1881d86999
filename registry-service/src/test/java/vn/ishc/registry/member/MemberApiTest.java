package vn.ishc.registry.member;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.ishc.registry.support.Api;
import vn.ishc.testkit.stack.Tokens;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class MemberApiTest {

    static final String OFFICER = Tokens.districtOfficer("164");
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    private static String members(String clubId) {
        return "/api/v1/clubs/" + clubId + "/members";
    }

    @Test
    void aMemberKnownByBirthYearShowsAgeAndOlderFlag() {
        String club = Api.club(OFFICER, "05437", "2018-03-15");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Api.member("fullName", "  Trần   Văn Bình ", "gender", "MALE", "birthYear", 1950, "householdStatus", "POOR",
                        "householdStatusYear", 2019, "ethnicMinority", true, "phone", "0912 345 678"))
                .when().post(members(club))
                .then().statusCode(201)
                .header("ETag", "\"1\"")
                .body("fullName", equalTo("Trần Văn Bình"))
                .body("clubId", equalTo(club))
                .body("age", equalTo(TODAY.getYear() - 1950))
                .body("older", equalTo(true))
                .body("status", equalTo("ACTIVE"))
                .body("ethnicMinority", equalTo(true))
                .body("warnings", nullValue());
    }

    @Test
    void birthFactsMustBeGivenConsistentAndPlausible() {
        String club = Api.club(OFFICER, "05437", "2018-03-15");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Api.member("birthYear", null))
                .when().post(members(club)).then().statusCode(400).body("errors[0].field", equalTo("birthDate"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Api.member("birthDate", "1956-02-03", "birthYear", 1955))
                .when().post(members(club)).then().statusCode(400).body("errors[0].field", equalTo("birthYear"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Api.member("birthYear", TODAY.getYear() - 121))
                .when().post(members(club)).then().statusCode(400).body("errors[0].field", equalTo("birthYear"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Api.member("birthYear", null, "birthDate", TODAY.plusDays(1).toString()))
                .when().post(members(club)).then().statusCode(400).body("errors[0].field", equalTo("birthDate"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Api.member("birthDate", "1955-08-20", "birthYear", 1955))
                .when().post(members(club)).then().statusCode(201).body("birthDate", equalTo("1955-08-20"));
    }

    @Test
    void otherFieldRules() {
        String club = Api.club(OFFICER, "05437", "2018-03-15");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Api.member("joinedOn", "2018-03-14"))
                .when().post(members(club)).then().statusCode(400).body("errors[0].field", equalTo("joinedOn"));
        // A poor member whose certification year is not known yet is registered, with a warning to add it.
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Api.member("householdStatus", "POOR"))
                .when().post(members(club)).then().statusCode(201)
                .body("householdStatusYear", org.hamcrest.Matchers.nullValue())
                .body("warnings.code", org.hamcrest.Matchers.hasItem("HOUSEHOLD_STATUS_YEAR_MISSING"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Api.member("gender", "OTHER"))
                .when().post(members(club)).then().statusCode(400).body("errors[0].field", equalTo("gender"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Api.member("phone", "gọi tôi"))
                .when().post(members(club)).then().statusCode(400).body("errors[0].field", equalTo("phone"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Map.of("birthYear", 1950))
                .when().post(members(club)).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("fullName", "gender", "householdStatus", "joinedOn"));
        // Only the poor member without a certification year was registered; every invalid request changed nothing.
        given().auth().oauth2(OFFICER).when().get(members(club)).then().statusCode(200).body("totalItems", equalTo(1));
    }

    @Test
    void theSamePersonInAnotherClubOfTheDistrictIsAWarningNotAnError() {
        String name = Api.uniqueName("Lê Thị Hồng");
        String first = Api.club(OFFICER, "05437", "2018-03-15");
        String second = Api.club(OFFICER, "05440", "2018-03-15");
        Api.addMember(OFFICER, first, Api.member("fullName", name, "birthYear", null, "birthDate", "1952-01-09"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Api.member("fullName", name.toUpperCase(), "birthYear", null, "birthDate", "1952-01-09"))
                .when().post(members(second))
                .then().statusCode(201)
                .body("warnings[0].code", equalTo("POSSIBLE_DUPLICATE"))
                .body("warnings[0].clubIds", containsInAnyOrder(first));
        // Another district is another register: no warning.
        String elsewhere = Api.club(Tokens.provinceAdmin(), "05515", "2018-03-15");
        given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.JSON)
                .body(Api.member("fullName", name, "birthYear", null, "birthDate", "1952-01-09"))
                .when().post(members(elsewhere))
                .then().statusCode(201).body("warnings", nullValue());
    }

    @Test
    void personalDataOnlyWithinTheOfficersDistrictAndNeverForViewers() {
        String club = Api.club(OFFICER, "05437", "2018-03-15");
        String member = Api.addMember(OFFICER, club, Api.member("phone", "0912345678", "ethnicMinority", true));
        // The refusal names the action refused: adding a member, not registering a club.
        given().auth().oauth2(Tokens.districtOfficer("165")).contentType(ContentType.JSON).body(Api.member())
                .header("Accept-Language", "vi")
                .when().post(members(club)).then().statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.equalTo("Cán bộ của Thành phố Sông Công (165) không được thêm hay sửa hội viên của câu lạc bộ ở Thành phố Thái Nguyên (164)."));
        given().auth().oauth2(Tokens.districtOfficer("165")).when().get(members(club)).then().statusCode(403);
        given().auth().oauth2(Tokens.districtOfficer("165")).when().get(members(club) + "/" + member).then().statusCode(403);
        // Viewers get aggregates only: no per-member rows, not even de-identified ones.
        given().auth().oauth2(Tokens.viewer()).when().get(members(club) + "/" + member)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.viewer()).when().get(members(club))
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(OFFICER).when().get(members(club) + "/" + member)
                .then().statusCode(200).body("phone", equalTo("0912345678"));
    }

    @Test
    void patchAndDepartureWithStatusFilter() {
        String club = Api.club(OFFICER, "05437", "2018-03-15");
        String stays = Api.addMember(OFFICER, club, Api.member());
        String leaves = Api.addMember(OFFICER, club, Api.member("householdStatus", "NEAR_POOR", "householdStatusYear", 2018));
        given().auth().oauth2(OFFICER).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "\"1\"")
                .body("{\"householdStatus\": \"NONE\", \"householdStatusYear\": null}")
                .when().patch(members(club) + "/" + leaves)
                .then().statusCode(200).header("ETag", "\"2\"").body("householdStatus", equalTo("NONE"));
        given().auth().oauth2(OFFICER).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "\"1\"")
                .body(Map.of("phone", "0987654321"))
                .when().patch(members(club) + "/" + leaves)
                .then().statusCode(412);
        given().auth().oauth2(OFFICER).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "\"2\"")
                .body(Map.of("status", "LEFT"))
                .when().patch(members(club) + "/" + leaves)
                .then().statusCode(400).body("errors[0].field", equalTo("status"));

        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("leftOn", "2018-01-01", "reason", "Chuyển đi"))
                .when().post(members(club) + "/" + leaves + "/departure")
                .then().statusCode(400).body("errors[0].field", equalTo("leftOn"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("leftOn", "2020-03-31", "reason", "Chuyển đến sống cùng con"))
                .when().post(members(club) + "/" + leaves + "/departure")
                .then().statusCode(200).body("status", equalTo("LEFT")).body("leftOn", equalTo("2020-03-31"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("leftOn", "2020-04-30", "reason", "Lần nữa"))
                .when().post(members(club) + "/" + leaves + "/departure")
                .then().statusCode(409);

        given().auth().oauth2(OFFICER).queryParam("status", "ACTIVE").when().get(members(club))
                .then().statusCode(200).body("items.id", containsInAnyOrder(stays)).body("totalItems", equalTo(1));
        given().auth().oauth2(OFFICER).queryParam("status", "LEFT").when().get(members(club))
                .then().statusCode(200).body("items.id", containsInAnyOrder(leaves));
        given().auth().oauth2(OFFICER).when().get(members(club))
                .then().statusCode(200).body("items.id", hasItem(stays)).body("items.id", hasItem(leaves));
        given().auth().oauth2(OFFICER).when().get(members(Api.club(OFFICER, "05437", "2018-03-15")) + "/" + stays)
                .then().statusCode(404).body("status", equalTo(404)).body("detail", not(equalTo(null)));
    }

    @Test
    void summaryAgainstTheNorms() {
        String club = Api.club(OFFICER, "05437", "2018-03-15");
        // 10 members: 6 women (60%), 7 older (70%), 2 poor, 1 near-poor, 1 hardship; one more who left.
        for (int i = 0; i < 10; i++) {
            String gender = i < 6 ? "FEMALE" : "MALE";
            int birthYear = i < 7 ? 1950 : 1990;
            String household = i < 2 ? "POOR" : i == 2 ? "NEAR_POOR" : i == 3 ? "HARDSHIP" : "NONE";
            Api.addMember(OFFICER, club, Api.member("gender", gender, "birthYear", birthYear, "householdStatus", household,
                    "householdStatusYear", i < 3 ? 2019 : null));
        }
        String gone = Api.addMember(OFFICER, club, Api.member());
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("leftOn", "2019-01-01", "reason", "Qua đời"))
                .post(members(club) + "/" + gone + "/departure").then().statusCode(200);
        var summary = given().auth().oauth2(OFFICER).when().get("/api/v1/clubs/" + club + "/summary")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(10, summary.getInt("activeMembers"));
        assertEquals(7, summary.getInt("older"));
        assertEquals(6, summary.getInt("women"));
        assertEquals(2, summary.getInt("poor"));
        assertEquals(1, summary.getInt("nearPoor"));
        assertEquals(1, summary.getInt("hardship"));
        assertEquals(false, summary.getBoolean("meetsSizeNorm"));
        assertEquals(true, summary.getBoolean("meetsCompositionNorm"));
        // A viewer sees the same club with its small cells (1 to 4 people) suppressed.
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/clubs/" + club + "/summary")
                .then().statusCode(200).body("activeMembers", equalTo(10)).body("older", equalTo(7)).body("women", equalTo(6))
                .body("poor", nullValue()).body("nearPoor", nullValue()).body("hardship", nullValue())
                .body("womenShare", notNullValue());
        Api.addMember(OFFICER, club, Api.member());   // 7 women of 11 = 64%, 8 older of 11 = 73%
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/clubs/" + club + "/summary")
                .then().statusCode(200).body("activeMembers", equalTo(11)).body("meetsCompositionNorm", equalTo(false));
    }
}
