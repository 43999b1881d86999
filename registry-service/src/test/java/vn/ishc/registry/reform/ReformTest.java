package vn.ishc.registry.reform;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.ishc.registry.events.Topics;
import vn.ishc.registry.support.Api;
import vn.ishc.testkit.kafka.TopicReader;
import vn.ishc.testkit.stack.Tokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 2025 reform as registry sees it: reused codes, successors, clubs placed across it (issue 13, decision 0013). */
@QuarkusTest
class ReformTest {

    @Test
    void theSameCodeNamesTwoUnitsOnTwoDates() {
        given().auth().oauth2(Tokens.viewer()).queryParam("asOf", "2025-06-30").get("/api/v1/admin-units/05443")
                .then().statusCode(200)
                .body("fullName", equalTo("Phường Trưng Vương")).body("parentCode", equalTo("164"))
                .body("validTo", equalTo("2025-07-01"))
                .body("successors", equalTo(List.of(Map.of("code", "05443", "whole", true))));
        given().auth().oauth2(Tokens.viewer()).queryParam("asOf", "2025-07-01").get("/api/v1/admin-units/05443")
                .then().statusCode(200)
                .body("fullName", equalTo("Phường Phan Đình Phùng")).body("parentCode", equalTo("19"))
                .body("validFrom", equalTo("2025-07-01")).body("validTo", nullValue())
                .body("predecessors.code", equalTo(List.of("05437", "05440", "05443", "05446", "05449", "05452", "05458", "05461")))
                .body("predecessors.find { it.code == '05461' }.whole", equalTo(false));
        given().auth().oauth2(Tokens.viewer()).queryParam("asOf", "2017-01-01").get("/api/v1/admin-units/05500")
                .then().statusCode(200).body("fullName", equalTo("Phường Tích Lương"));
        given().auth().oauth2(Tokens.viewer()).queryParam("asOf", "2025-07-01").get("/api/v1/admin-units/05437")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void successorsAndPredecessorsAcrossTheReformAndTheEarlierMergers() {
        given().auth().oauth2(Tokens.viewer()).queryParam("asOf", "2018-01-01").get("/api/v1/admin-units/05437/successors")
                .then().statusCode(200).body("code", equalTo(List.of("05443"))).body("[0].fullName", equalTo("Phường Phan Đình Phùng"));
        given().auth().oauth2(Tokens.viewer()).queryParam("asOf", "2020-01-01").get("/api/v1/admin-units/05461/successors")
                .then().statusCode(200).body("code", equalTo(List.of("05443", "05467")));
        given().auth().oauth2(Tokens.viewer()).queryParam("asOf", "2024-06-30").get("/api/v1/admin-units/05536/successors")
                .then().statusCode(200).body("code", equalTo(List.of("05569"))).body("[0].fullName", equalTo("Thị trấn Chợ Chu"))
                .body("[0].validFrom", equalTo("2024-12-01"));
        given().auth().oauth2(Tokens.viewer()).queryParam("asOf", "2025-07-01").get("/api/v1/admin-units/01840/predecessors")
                .then().statusCode(200).body("[0].parentCode", equalTo("058"));
    }

    @Test
    void theHierarchyInForceOnEachSideOfTheReform() {
        given().auth().oauth2(Tokens.viewer()).queryParams("level", "DISTRICT", "parentCode", "19", "asOf", "2025-06-30")
                .get("/api/v1/admin-units").then().statusCode(200).body("$", hasSize(9));
        given().auth().oauth2(Tokens.viewer()).queryParams("level", "DISTRICT", "parentCode", "19", "asOf", "2025-07-01")
                .get("/api/v1/admin-units").then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(Tokens.viewer()).queryParams("level", "COMMUNE", "parentCode", "19", "asOf", "2025-07-01")
                .get("/api/v1/admin-units").then().statusCode(200).body("$", hasSize(92));
        given().auth().oauth2(Tokens.viewer()).queryParams("level", "COMMUNE", "asOf", "2024-12-01")
                .get("/api/v1/admin-units").then().statusCode(200).body("findAll { it.parentCode >= '164' && it.parentCode <= '173' }", hasSize(172));
        given().auth().oauth2(Tokens.viewer()).queryParams("level", "COMMUNE", "asOf", "2025-06-30", "parentCode", "061")
                .get("/api/v1/admin-units").then().statusCode(200).body("fullName", hasItem("Thị trấn Chợ Rã"));
        JsonPath all = given().auth().oauth2(Tokens.viewer()).queryParams("level", "COMMUNE")
                .get("/api/v1/admin-units").then().statusCode(200).extract().jsonPath();
        assertEquals(1, all.getList("findAll { it.code == '05443' }").size(), "each code once");
        assertEquals(List.of("Phường Trưng Vương", "Phường Phan Đình Phùng"), all.getList("find { it.code == '05443' }.periods.fullName"));
    }

    @Test
    void aClubOf2018InTucDuyenSitsInDistrict164ThenInPhanDinhPhung() {
        String club = Api.club(Tokens.districtOfficer("164"), "05437", "2018-03-15");
        given().auth().oauth2(Tokens.viewer()).get("/api/v1/clubs/" + club).then().statusCode(200)
                .body("districtCode", equalTo("164")).body("awaitingSuccessor", equalTo(false))
                .body("placements", equalTo(List.of(
                        placement("2018-03-15", "2025-07-01", "05437", "164"),
                        placement("2025-07-01", null, "05443", null))));
        // Its district's officer keeps it; the area officer of its commune today has it; another commune's does not.
        given().auth().oauth2(Tokens.areaOfficer("05443")).contentType(ContentType.JSON)
                .body(Map.of("reason", "Thử", "closedOn", "2026-01-01")).post("/api/v1/clubs/" + club + "/closure").then().statusCode(200);
        given().auth().oauth2(Tokens.areaOfficer("05482")).get("/api/v1/clubs/" + club + "/history").then().statusCode(403);
        given().auth().oauth2(Tokens.districtOfficer("164")).get("/api/v1/clubs/" + club + "/history").then().statusCode(200);

        List<ConsumerRecord<String, String>> snapshots = TopicReader.readUntil(Topics.CLUB_SNAPSHOTS,
                read -> read.stream().anyMatch(r -> club.equals(r.key())), Duration.ofSeconds(20));
        JsonPath first = new JsonPath(snapshots.stream().filter(r -> club.equals(r.key())).findFirst().orElseThrow().value());
        assertEquals("05443", first.getString("data.club.placements[1].communeCode"));
    }

    @Test
    void aClubInASplitCommuneAwaitsItsSuccessorUntilOneIsChosen() {
        String club = Api.club(Tokens.districtOfficer("164"), "05461", "2019-05-01");
        given().auth().oauth2(Tokens.viewer()).get("/api/v1/clubs/" + club).then().statusCode(200)
                .body("awaitingSuccessor", equalTo(true)).body("successorCandidates", equalTo(List.of("05443", "05467")))
                .body("placements[1]", equalTo(placement("2025-07-01", null, null, null)));
        given().auth().oauth2(Tokens.viewer()).queryParam("awaitingSuccessor", "true").queryParam("size", "500").get("/api/v1/clubs")
                .then().statusCode(200).body("items.id", hasItem(club));
        given().auth().oauth2(Tokens.viewer()).queryParam("awaitingSuccessor", "maybe").get("/api/v1/clubs").then().statusCode(400);

        given().auth().oauth2(Tokens.areaOfficer("05500")).contentType(ContentType.JSON).body(Map.of("communeCode", "05467"))
                .post("/api/v1/clubs/" + club + "/successor").then().statusCode(403);
        given().auth().oauth2(Tokens.areaOfficer("05467")).contentType(ContentType.JSON).body(Map.of("communeCode", "05500"))
                .post("/api/v1/clubs/" + club + "/successor").then().statusCode(400).body("errors[0].field", equalTo("communeCode"));
        given().auth().oauth2(Tokens.areaOfficer("05467")).contentType(ContentType.JSON).body(Map.of("communeCode", "05467"))
                .post("/api/v1/clubs/" + club + "/successor").then().statusCode(200)
                .body("awaitingSuccessor", equalTo(false)).body("placements[1].communeCode", equalTo("05467"));
        // Corrected by the province.
        given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.JSON).body(Map.of("communeCode", "05443"))
                .post("/api/v1/clubs/" + club + "/successor").then().statusCode(200).body("placements[1].communeCode", equalTo("05443"));
        given().auth().oauth2(Tokens.viewer()).queryParam("awaitingSuccessor", "true").queryParam("size", "500").get("/api/v1/clubs")
                .then().statusCode(200).body("items.id", not(hasItem(club)));

        String whole = Api.club(Tokens.districtOfficer("164"), "05437", "2019-05-01");
        given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.JSON).body(Map.of("communeCode", "05443"))
                .post("/api/v1/clubs/" + whole + "/successor").then().statusCode(409);
    }

    @Test
    void afterTheReformClubsAreRegisteredInTheNewCommunesOnly() {
        given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.JSON)
                .body(Map.of("name", Api.uniqueName("CLB Túc Duyên mới"), "communeCode", "05437", "establishedOn", "2026-01-10"))
                .post("/api/v1/clubs").then().statusCode(400).body("errors[0].field", equalTo("communeCode"));
        String club = Api.club(Tokens.areaOfficer("05443"), "05443", "2026-01-10");
        given().auth().oauth2(Tokens.viewer()).get("/api/v1/clubs/" + club).then().statusCode(200)
                .body("districtCode", nullValue()).body("provinceCode", equalTo("19"))
                .body("placements", equalTo(List.of(placement("2026-01-10", null, "05443", null))));
        given().auth().oauth2(Tokens.districtOfficer("164")).contentType(ContentType.JSON)
                .body(Map.of("name", Api.uniqueName("CLB mới"), "communeCode", "05443", "establishedOn", "2026-01-10"))
                .post("/api/v1/clubs").then().statusCode(403);
        given().auth().oauth2(Tokens.areaOfficer("05482")).contentType(ContentType.JSON)
                .body(Map.of("name", Api.uniqueName("CLB mới"), "communeCode", "05443", "establishedOn", "2026-01-10"))
                .post("/api/v1/clubs").then().statusCode(403);
    }

    @Test
    void anAreaOfficerImportsClubsOfTheirCommunesOnly() {
        String officer = Tokens.areaOfficer("05443");
        String tag = java.util.UUID.randomUUID().toString().substring(0, 6);
        String csv = "Xã/phường/thị trấn,Tên câu lạc bộ,Ngày thành lập CLB\r\n"
                + "Phan Đình Phùng,CLB nhập phường " + tag + ",01/03/2026\r\n"
                + "05482,CLB nhập phường khác " + tag + ",01/03/2026\r\n";
        String id = given().auth().oauth2(officer).contentType("text/csv").queryParam("kind", "clubs")
                .body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/imports")
                .then().statusCode(201).extract().path("id");
        JsonPath dryRun = vn.ishc.testkit.imports.ImportCalls.follow(officer, id, "VALIDATING");
        assertEquals(1, dryRun.getInt("rows.valid"), dryRun.prettify());
        assertEquals(List.of(3), dryRun.getList("errors.row"), "the other commune's row");
        assertEquals(1, vn.ishc.testkit.imports.ImportCalls.commit(officer, id, "VALID").getInt("rows.written"));
        given().auth().oauth2(Tokens.viewer()).queryParam("q", "CLB nhập phường " + tag).get("/api/v1/clubs").then().statusCode(200)
                .body("items.communeCode", equalTo(List.of("05443"))).body("items[0].districtCode", nullValue());
        given().auth().oauth2(Tokens.areaOfficer("05482")).get("/api/v1/imports/" + id).then().statusCode(403);
    }

    @Test
    void aClubFollowsThe2024MergerAndThenTheReform() {
        String club = Api.club(Tokens.districtOfficer("167"), "05536", "2019-05-01");
        given().auth().oauth2(Tokens.viewer()).get("/api/v1/clubs/" + club).then().statusCode(200)
                .body("placements", equalTo(List.of(
                        placement("2019-05-01", "2024-12-01", "05536", "167"),
                        placement("2024-12-01", "2025-07-01", "05569", "167"),
                        placement("2025-07-01", null, "05569", null))));
    }

    @Test
    void statsCountEachClubWhereItSitsAndTheProvinceTotalCrossesTheReform() {
        JsonPath before = stats("2025-06-30");
        JsonPath after = stats("2025-07-01");
        String tucDuyen = Api.club(Tokens.districtOfficer("164"), "05437", "2018-03-15");
        String split = Api.club(Tokens.districtOfficer("164"), "05461", "2018-03-15");
        Api.addMember(Tokens.districtOfficer("164"), tucDuyen, Api.member());
        JsonPath beforeNow = stats("2025-06-30");
        JsonPath afterNow = stats("2025-07-01");
        assertEquals(before.getLong("province.clubsActive") + 2, beforeNow.getLong("province.clubsActive"));
        assertEquals(beforeNow.getLong("province.clubsActive"), afterNow.getLong("province.clubsActive"), "continuous at province level");
        assertEquals(beforeNow.getLong("province.membersActive"), afterNow.getLong("province.membersActive"));
        assertEquals(area(before, "164") + 2, area(beforeNow, "164"));
        assertEquals(area(after, "05443") + 1, area(afterNow, "05443"));
        assertEquals(area(after, "19") + 1, area(afterNow, "19"), "the split commune's club counts at province level");
        assertEquals("PROVINCE", afterNow.getString("areas.find { it.code == '19' }.level"));
        assertTrue(afterNow.getList("districts").isEmpty(), "no districts after the reform");
        assertEquals(92, afterNow.getList("areas.findAll { it.level == 'COMMUNE' }").size());
        assertEquals(9, beforeNow.getList("districts").size());
        long sum = afterNow.getList("areas.clubsActive", Long.class).stream().mapToLong(Long::longValue).sum();
        assertEquals(afterNow.getLong("province.clubsActive"), sum, "the province is the sum of its areas");
        given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.JSON).body(Map.of("communeCode", "05467"))
                .post("/api/v1/clubs/" + split + "/successor").then().statusCode(200);
        assertEquals(area(after, "05467") + 1, area(stats("2025-07-01"), "05467"));
    }

    private static long area(JsonPath stats, String code) {
        Object found = stats.get("areas.find { it.code == '" + code + "' }.clubsActive");
        return found == null ? 0 : ((Number) found).longValue();
    }

    private static JsonPath stats(String asOf) {
        return given().auth().oauth2(Tokens.viewer()).queryParam("asOf", asOf).get("/api/v1/stats").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> placement(String from, String until, String commune, String district) {
        Map<String, Object> placement = new java.util.LinkedHashMap<>();
        placement.put("from", from);
        placement.put("until", until);
        placement.put("communeCode", commune);
        placement.put("districtCode", district);
        placement.put("provinceCode", "19");
        return placement;
    }
}
