package vn.ishc.funding.donor;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.ishc.testkit.stack.Tokens;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class DonorApiTest {

    private static String register(Map<String, Object> body) {
        return given().auth().oauth2(Tokens.districtOfficer("164")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/donors")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void registerAndReadADonor() {
        String id = given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.JSON)
                .body(Map.of("name", "  Công ty TNHH   Gang thép Thái Nguyên ", "type", "BUSINESS", "phone", "0208 3855 123"))
                .when().post("/api/v1/donors")
                .then().statusCode(201)
                .header("ETag", "\"1\"")
                .body("name", equalTo("Công ty TNHH Gang thép Thái Nguyên"))
                .body("type", equalTo("BUSINESS"))
                .body("phone", equalTo("0208 3855 123"))
                .body("email", nullValue())
                .extract().path("id");
        given().auth().oauth2(Tokens.districtOfficer("170")).when().get("/api/v1/donors/" + id)
                .then().statusCode(200)
                .body("name", equalTo("Công ty TNHH Gang thép Thái Nguyên"));
    }

    @Test
    void patchWithTheCurrentETag() {
        String id = register(Map.of("name", "Quỹ Bảo trợ trẻ em", "type", "ORGANIZATION"));
        given().auth().oauth2(Tokens.provinceAdmin()).contentType("application/merge-patch+json; charset=UTF-8")
                .body(Map.of("email", "quy@example.vn")).patch("/api/v1/donors/" + id).then().statusCode(428);
        given().auth().oauth2(Tokens.provinceAdmin()).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "\"1\"")
                .body(Map.of("email", "quy@example.vn", "name", "Quỹ Bảo trợ trẻ em tỉnh")).patch("/api/v1/donors/" + id)
                .then().statusCode(200).header("ETag", "\"2\"").body("email", equalTo("quy@example.vn"))
                .body("name", equalTo("Quỹ Bảo trợ trẻ em tỉnh"));
        given().auth().oauth2(Tokens.provinceAdmin()).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "\"1\"")
                .body(Map.of("phone", "0912345678")).patch("/api/v1/donors/" + id).then().statusCode(412);
        given().auth().oauth2(Tokens.provinceAdmin()).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "\"2\"")
                .body(Map.of("email", "không phải thư", "type", "CHARITY")).patch("/api/v1/donors/" + id)
                .then().statusCode(400).body("errors.field", containsInAnyOrder("email", "type"));
    }

    @Test
    void searchIgnoresCaseAndDiacritics() {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String id = register(Map.of("name", "Hội Phụ nữ phường Túc Duyên " + marker, "type", "MASS_ORGANIZATION"));
        given().auth().oauth2(Tokens.provinceAdmin()).queryParam("q", "tuc duyen " + marker.toUpperCase())
                .when().get("/api/v1/donors")
                .then().statusCode(200)
                .body("items.id", containsInAnyOrder(id))
                .body("totalItems", equalTo(1))
                .body("page", equalTo(0))
                .body("size", equalTo(50));
    }

    @Test
    void viewersSeeNoDonorsOnlyAggregates() {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String id = register(Map.of("name", "Nguyễn Thị Hoa " + marker, "type", "INDIVIDUAL", "phone", "0912345678",
                "email", "hoa@example.vn"));
        // A viewer could otherwise search a person's name and then follow their giving.
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/donors/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.viewer()).queryParam("q", "Hoa " + marker).when().get("/api/v1/donors")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/contributions").then().statusCode(403);
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/pledges").then().statusCode(403);
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stats").then().statusCode(200);
        given().auth().oauth2(Tokens.districtOfficer("164")).when().get("/api/v1/donors/" + id)
                .then().statusCode(200)
                .body("name", equalTo("Nguyễn Thị Hoa " + marker))
                .body("email", equalTo("hoa@example.vn"))
                .body("districtCode", equalTo("164"));
    }

    @Test
    void aPersonWhoGivesIsSeenAndChangedOnlyByTheirDistrictAndTheProvince() {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String person = register(Map.of("name", "Trần Văn Bình " + marker, "type", "INDIVIDUAL", "phone", "0987654321"));
        String business = register(Map.of("name", "Công ty Chè Tân Cương " + marker, "type", "BUSINESS"));
        String other = Tokens.districtOfficer("170");
        given().auth().oauth2(other).get("/api/v1/donors/" + person).then().statusCode(200)
                .body("name", nullValue()).body("phone", nullValue()).body("type", equalTo("INDIVIDUAL"));
        given().auth().oauth2(other).queryParam("q", "Binh " + marker).get("/api/v1/donors").then().statusCode(200)
                .body("totalItems", equalTo(0));
        given().auth().oauth2(other).get("/api/v1/donors/" + business).then().statusCode(200)
                .body("name", equalTo("Công ty Chè Tân Cương " + marker));
        given().auth().oauth2(other).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "\"1\"")
                .body(Map.of("phone", "0911111111")).patch("/api/v1/donors/" + person).then().statusCode(403);
        given().auth().oauth2(other).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "\"1\"")
                .body(Map.of("name", "Công ty Chè")).patch("/api/v1/donors/" + business).then().statusCode(403);
        given().auth().oauth2(Tokens.provinceAdmin()).queryParam("q", "Binh " + marker).get("/api/v1/donors").then().statusCode(200)
                .body("items[0].name", equalTo("Trần Văn Bình " + marker));
        given().auth().oauth2(Tokens.districtOfficer("164")).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "\"1\"")
                .body(Map.of("phone", "0911111111")).patch("/api/v1/donors/" + person).then().statusCode(200)
                .body("phone", equalTo("0911111111"));
    }

    @Test
    void unknownDonorTypeIsRefusedWithTheAcceptedValues() {
        long before = Donor.count();
        given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.JSON)
                .header("Accept-Language", "vi")
                .body(Map.of("name", "Quỹ Bảo trợ", "type", "CHARITY"))
                .when().post("/api/v1/donors")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].message", containsString("INDIVIDUAL, BUSINESS"))
                .body("errors[0].message", containsString("dùng một trong"));
        assertEquals(before, Donor.count());
    }

    @Test
    void badContactsAndMissingFieldsAreListed() {
        long before = Donor.count();
        given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.JSON)
                .body(Map.of("phone", "call me", "email", "not-an-address"))
                .when().post("/api/v1/donors")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("name", "type", "phone", "email"));
        assertEquals(before, Donor.count());
    }

    @Test
    void pageSizeIsLimited() {
        given().auth().oauth2(Tokens.provinceAdmin()).queryParam("size", 501)
                .when().get("/api/v1/donors")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().auth().oauth2(Tokens.provinceAdmin()).queryParam("page", -1)
                .when().get("/api/v1/donors")
                .then().statusCode(400).body("errors[0].field", equalTo("page"));
    }

    @Test
    void viewersCannotRegisterAndStrangersNotEvenRead() {
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON)
                .body(Map.of("name", "Quỹ", "type", "ORGANIZATION"))
                .when().post("/api/v1/donors")
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/api/v1/donors")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
