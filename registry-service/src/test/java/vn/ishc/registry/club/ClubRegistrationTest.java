package vn.ishc.registry.club;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.ishc.kit.outbox.OutboxEvent;
import vn.ishc.testkit.stack.Tokens;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ClubRegistrationTest {

    private static Map<String, Object> club(String name, String commune, String establishedOn) {
        return Map.of("name", name, "communeCode", commune, "establishedOn", establishedOn);
    }

    private static String uniqueName() {
        return "CLB Liên thế hệ " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void districtOfficerRegistersAClubInTheirDistrictAndReadsItBack() {
        String name = uniqueName();
        String id = given().auth().oauth2(Tokens.districtOfficer("164")).contentType(ContentType.JSON)
                .body(Map.of("name", "  " + name + "  ", "communeCode", "05437", "hamlet", "Tổ 5", "establishedOn", "2018-03-15"))
                .when().post("/api/v1/clubs")
                .then().statusCode(201)
                .header("ETag", "\"1\"")
                .body("name", equalTo(name))
                .body("communeCode", equalTo("05437"))
                .body("districtCode", equalTo("164"))
                .body("provinceCode", equalTo("19"))
                .body("hamlet", equalTo("Tổ 5"))
                .body("establishedOn", equalTo("2018-03-15"))
                .body("closedOn", nullValue())
                .body("status", equalTo("ACTIVE"))
                .body("version", equalTo(1))
                .extract().path("id");

        given().auth().oauth2(Tokens.viewer())
                .when().get("/api/v1/clubs/" + id)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("id", equalTo(id))
                .body("name", equalTo(name));
    }

    @Test
    void locationHeaderPointsAtTheNewClub() {
        var response = given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.JSON)
                .body(club(uniqueName(), "05437", "2019-01-02"))
                .post("/api/v1/clubs");
        String id = response.path("id");
        assertEquals(201, response.statusCode());
        org.hamcrest.MatcherAssert.assertThat(response.header("Location"), endsWith("/api/v1/clubs/" + id));
    }

    @Test
    void districtOfficerCannotRegisterInAnotherDistrict() {
        long before = Club.count();
        given().auth().oauth2(Tokens.districtOfficer("165")).contentType(ContentType.JSON)
                .body(club(uniqueName(), "05437", "2018-03-15"))
                .when().post("/api/v1/clubs")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("detail", containsString("164"));
        assertEquals(before, Club.count());
    }

    @Test
    void viewerCannotRegister() {
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON)
                .body(club(uniqueName(), "05437", "2018-03-15"))
                .when().post("/api/v1/clubs")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void missingFieldsAreListedAndNothingIsWritten() {
        long clubs = Club.count();
        long events = OutboxEvent.count();
        given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.JSON)
                .body(Map.of("hamlet", "Xóm Chùa"))
                .when().post("/api/v1/clubs")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ishc:problem:validation"))
                .body("errors.field", containsInAnyOrder("name", "communeCode", "establishedOn"));
        assertEquals(clubs, Club.count());
        assertEquals(events, OutboxEvent.count());
    }

    @Test
    void nameIsTrimmedAndMustHaveThreeToTwoHundredCharacters() {
        given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.JSON)
                .body(club("  A  ", "05437", "2018-03-15"))
                .when().post("/api/v1/clubs")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("name"));
        given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.JSON)
                .body(club("C".repeat(201), "05437", "2018-03-15"))
                .when().post("/api/v1/clubs")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("name"));
    }

    @Test
    void unknownCommuneIsRefusedInVietnameseWhenAsked() {
        given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.JSON)
                .header("Accept-Language", "vi")
                .body(club(uniqueName(), "99999", "2018-03-15"))
                .when().post("/api/v1/clubs")
                .then().statusCode(400)
                .header("Content-Language", "vi")
                .body("title", equalTo("Yêu cầu không hợp lệ"))
                .body("errors[0].field", equalTo("communeCode"))
                .body("errors[0].message", equalTo("Không có xã/phường/thị trấn mã 99999."));
    }

    @Test
    void communeMustExistOnTheEstablishmentDate() {
        // Vinh Sơn (05524) was merged away on 2020-02-01.
        given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.JSON)
                .body(club(uniqueName(), "05524", "2021-05-01"))
                .when().post("/api/v1/clubs")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("communeCode"))
                .body("errors[0].message", containsString("did not exist on 2021-05-01"));
        // In Vietnamese the date is written as people write it.
        given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.JSON).header("Accept-Language", "vi")
                .body(club(uniqueName(), "05524", "2021-05-01"))
                .when().post("/api/v1/clubs")
                .then().statusCode(400)
                .body("errors[0].message", equalTo("Xã/phường/thị trấn 05524 chưa hoặc không còn tồn tại vào ngày 01/05/2021."));
        given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.JSON)
                .body(club(uniqueName(), "05524", "2019-05-01"))
                .when().post("/api/v1/clubs")
                .then().statusCode(201)
                .body("districtCode", equalTo("165"))
                // No successor of Vinh Sơn is on record: the club stays in Sông Công while it lasts, then awaits a choice
                // among the communes that took Sông Công over.
                .body("placements.communeCode", equalTo(java.util.Arrays.asList("05524", null, null)))
                .body("placements.districtCode", equalTo(java.util.Arrays.asList("165", "165", null)))
                .body("placements.from", equalTo(java.util.List.of("2019-05-01", "2020-02-01", "2025-07-01")))
                .body("awaitingSuccessor", equalTo(true))
                .body("successorCandidates", org.hamcrest.Matchers.hasItem("05533")); // Phường Bá Xuyên, which took Châu Sơn over
    }

    @Test
    void establishmentDateCannotBeInTheFuture() {
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1).toString();
        given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.JSON)
                .body(club(uniqueName(), "05437", tomorrow))
                .when().post("/api/v1/clubs")
                .then().statusCode(400)
                .body("errors.field", hasItem("establishedOn"));
    }

    @Test
    void activeClubNamesAreUniqueWithinACommuneIgnoringCase() {
        String name = uniqueName();
        given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.JSON)
                .body(club(name, "05437", "2018-03-15"))
                .post("/api/v1/clubs").then().statusCode(201);
        given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.JSON)
                .body(club(name.toUpperCase(), "05437", "2018-04-15"))
                .when().post("/api/v1/clubs")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409));
        // The same name in another commune is fine.
        given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.JSON)
                .body(club(name, "05431", "2018-03-15"))
                .post("/api/v1/clubs").then().statusCode(201);
    }

    @Test
    void unknownClubIs404() {
        given().auth().oauth2(Tokens.viewer())
                .when().get("/api/v1/clubs/" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
