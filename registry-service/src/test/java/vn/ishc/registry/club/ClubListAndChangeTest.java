package vn.ishc.registry.club;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.ishc.kit.outbox.OutboxEvent;
import vn.ishc.registry.support.Api;
import vn.ishc.testkit.stack.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ClubListAndChangeTest {

    static final String ADMIN = Tokens.provinceAdmin();
    static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    @Test
    void searchIgnoresCaseAndDiacritics() {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String id = Api.club(ADMIN, "CLB Liên thế hệ Túc Duyên " + marker, "05437", "2018-03-15");
        given().auth().oauth2(Tokens.viewer()).queryParam("q", "tuc duyen " + marker.toUpperCase())
                .when().get("/api/v1/clubs")
                .then().statusCode(200)
                .body("items.id", containsInAnyOrder(id))
                .body("totalItems", equalTo(1))
                .body("page", equalTo(0))
                .body("size", equalTo(50));
        given().auth().oauth2(Tokens.viewer()).queryParam("q", "LIÊN THẾ HỆ TÚC DUYÊN " + marker)
                .when().get("/api/v1/clubs")
                .then().statusCode(200).body("items.id", containsInAnyOrder(id));
    }

    @Test
    void filtersByDistrictCommuneAndStatus() {
        String open = Api.club(ADMIN, "05461", "2018-01-01");    // 05461 is in district 164
        String closed = Api.club(ADMIN, "05461", "2018-01-01");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("closedOn", "2019-01-01", "reason", "Giải thể"))
                .post("/api/v1/clubs/" + closed + "/closure").then().statusCode(200);
        given().auth().oauth2(Tokens.viewer()).queryParam("communeCode", "05461").queryParam("status", "CLOSED").queryParam("size", 500)
                .when().get("/api/v1/clubs")
                .then().statusCode(200)
                .body("items.id", hasItem(closed))
                .body("items.id", not(hasItem(open)))
                .body("items.status", everyItem(equalTo("CLOSED")));
        given().auth().oauth2(Tokens.viewer()).queryParam("districtCode", "165").queryParam("size", 500)
                .when().get("/api/v1/clubs")
                .then().statusCode(200)
                .body("items.districtCode", everyItem(equalTo("165")))
                .body("items.id", not(hasItem(open)));
        given().auth().oauth2(Tokens.viewer()).queryParam("status", "SLEEPING")
                .when().get("/api/v1/clubs")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void pagesAreStableAndDoNotOverlap() {
        String prefix = "CLB Trang " + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 5; i++) {
            Api.club(ADMIN, prefix + " số " + i, "05440", "2018-01-01");
        }
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            seen.addAll(given().auth().oauth2(Tokens.viewer()).queryParam("q", prefix).queryParam("size", 2).queryParam("page", page)
                    .when().get("/api/v1/clubs")
                    .then().statusCode(200).body("totalItems", equalTo(5)).extract().<List<String>>path("items.name"));
        }
        assertEquals(5, seen.size());
        assertEquals(5, seen.stream().distinct().count());
        assertEquals(seen.stream().sorted().toList(), seen);
        given().auth().oauth2(Tokens.viewer()).queryParam("size", 501).when().get("/api/v1/clubs")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void patchNeedsTheCurrentETag() {
        String id = Api.club(ADMIN, "05437", "2018-03-15");
        given().auth().oauth2(ADMIN).contentType(MERGE_PATCH).body(Map.of("hamlet", "Tổ 7"))
                .when().patch("/api/v1/clubs/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).contentType(MERGE_PATCH).header("If-Match", "\"1\"").body(Map.of("hamlet", "Tổ 7"))
                .when().patch("/api/v1/clubs/" + id)
                .then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("hamlet", equalTo("Tổ 7"))
                .body("version", equalTo(2));
        long events = OutboxEvent.count();
        // The title says what to do, in the caller's language.
        given().auth().oauth2(ADMIN).contentType(MERGE_PATCH).header("If-Match", "\"1\"").header("Accept-Language", "vi")
                .body(Map.of("hamlet", "Tổ 9"))
                .when().patch("/api/v1/clubs/" + id)
                .then().statusCode(412).contentType("application/problem+json").body("status", equalTo(412))
                .body("title", equalTo("Bản ghi đã bị người khác sửa — hãy tải lại"));
        assertEquals(events, OutboxEvent.count());
        given().auth().oauth2(ADMIN).when().get("/api/v1/clubs/" + id).then().body("hamlet", equalTo("Tổ 7"));
        // merge patch: null clears
        String hamletNull = "{\"hamlet\": null}";
        given().auth().oauth2(ADMIN).contentType(MERGE_PATCH).header("If-Match", "\"2\"").body(hamletNull)
                .when().patch("/api/v1/clubs/" + id)
                .then().statusCode(200).body("hamlet", nullValue()).body("version", equalTo(3));
    }

    @Test
    void patchRefusesBadValuesAndUnpatchableFields() {
        String id = Api.club(ADMIN, "05437", "2018-03-15");
        given().auth().oauth2(ADMIN).contentType(MERGE_PATCH).header("If-Match", "\"1\"")
                .body(Map.of("communeCode", "05431", "name", "AB", "establishedOn", "2099-01-01"))
                .when().patch("/api/v1/clubs/" + id)
                .then().statusCode(400)
                .body("errors.field", hasItem("communeCode"));
        given().auth().oauth2(ADMIN).contentType(MERGE_PATCH).header("If-Match", "\"1\"")
                .body(Map.of("name", "AB", "establishedOn", "2099-01-01"))
                .when().patch("/api/v1/clubs/" + id)
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("name", "establishedOn"));
        given().auth().oauth2(ADMIN).contentType(MERGE_PATCH).header("If-Match", "\"1\"").body("{\"name\": 12}")
                .when().patch("/api/v1/clubs/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().auth().oauth2(ADMIN).when().get("/api/v1/clubs/" + id).then().body("version", equalTo(1));
    }

    @Test
    void renamingOntoAnActiveClubsNameIs409() {
        String taken = Api.uniqueName("CLB Hoa Mai");
        Api.club(ADMIN, taken, "05437", "2018-03-15");
        String id = Api.club(ADMIN, "05437", "2018-03-15");
        given().auth().oauth2(ADMIN).contentType(MERGE_PATCH).header("If-Match", "\"1\"").body(Map.of("name", taken))
                .when().patch("/api/v1/clubs/" + id)
                .then().statusCode(409);
    }

    @Test
    void aDistrictOfficerChangesOnlyTheirOwnDistrictsClubs() {
        String id = Api.club(ADMIN, "05437", "2018-03-15");
        given().auth().oauth2(Tokens.districtOfficer("165")).contentType(MERGE_PATCH).header("If-Match", "\"1\"")
                .body(Map.of("hamlet", "Tổ 1"))
                .when().patch("/api/v1/clubs/" + id)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.districtOfficer("164")).contentType(MERGE_PATCH).header("If-Match", "\"1\"")
                .body(Map.of("hamlet", "Tổ 1"))
                .when().patch("/api/v1/clubs/" + id)
                .then().statusCode(200);
    }

    @Test
    void closureWithDateAndReason() {
        String id = Api.club(ADMIN, "05437", "2018-03-15");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("closedOn", "2018-01-01", "reason", "Giải thể"))
                .when().post("/api/v1/clubs/" + id + "/closure")
                .then().statusCode(400).body("errors[0].field", equalTo("closedOn"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("closedOn", "2020-06-30", "reason", "  "))
                .when().post("/api/v1/clubs/" + id + "/closure")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("closedOn", "2020-06-30", "reason", "Sáp nhập với câu lạc bộ xóm bên"))
                .when().post("/api/v1/clubs/" + id + "/closure")
                .then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("closedOn", equalTo("2020-06-30"))
                .body("version", equalTo(2));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("closedOn", "2020-07-30", "reason", "Lần nữa"))
                .when().post("/api/v1/clubs/" + id + "/closure")
                .then().statusCode(409);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Api.member("joinedOn", "2019-01-01"))
                .when().post("/api/v1/clubs/" + id + "/members")
                .then().statusCode(409).contentType("application/problem+json");
    }
}
