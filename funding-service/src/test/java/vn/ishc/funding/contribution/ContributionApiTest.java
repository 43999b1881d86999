package vn.ishc.funding.contribution;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ishc.funding.support.Donors;
import vn.ishc.funding.support.Registry;
import vn.ishc.testkit.http.Bodies;
import vn.ishc.testkit.stack.Tokens;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ContributionApiTest {

    static final String ADMIN = Tokens.provinceAdmin();
    static final String OFFICER = Tokens.districtOfficer("164");

    String donor;

    @BeforeEach
    void setUp() {
        Registry.districtsKnown();
        donor = Donors.create(ADMIN, "BUSINESS");
    }

    private Map<String, Object> cash(Object... overrides) {
        return Bodies.overriding(Map.of("donorId", donor, "form", "CASH", "amountVnd", 5_000_000,
                "receivedOn", "2019-05-20", "districtCode", "164"), overrides);
    }

    private static io.restassured.response.ValidatableResponse post(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/contributions").then();
    }

    @Test
    void recordCashAndGoodsWithTheirValuation() {
        post(OFFICER, cash("purpose", "Quỹ tín dụng quay vòng")).statusCode(201)
                .header("ETag", "\"1\"")
                .body("form", equalTo("CASH")).body("amountVnd", equalTo(5_000_000)).body("districtCode", equalTo("164"))
                .body("status", equalTo("RECORDED")).body("reversedOn", nullValue());
        post(OFFICER, cash("form", "IN_KIND")).statusCode(400).body("errors[0].field", equalTo("valuationNote"));
        post(OFFICER, cash("form", "LABOUR", "valuationNote", "20 ngày công × 250.000 đồng", "amountVnd", 5_000_000)).statusCode(201);
    }

    @Test
    void malformedAmountsAreRefusedByNameAndNothingIsWritten() {
        long before = Contribution.count();
        for (String amount : new String[] {"\"năm triệu\"", "1500.5", "-5", "0", "10000000000001", "99999999999999999999999",
                "1e30", "true"}) {
            String body = "{\"donorId\": \"" + donor + "\", \"form\": \"CASH\", \"amountVnd\": " + amount
                    + ", \"receivedOn\": \"2019-05-20\", \"districtCode\": \"164\"}";
            post(OFFICER, body).statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("amountVnd"));
        }
        post(OFFICER, cash("amountVnd", 10_000_000_000_000L)).statusCode(201).body("amountVnd", equalTo(10_000_000_000_000L));
        assertEquals(before + 1, Contribution.count());
    }

    @Test
    void aClubGivesTheDistrictAndUnknownOrClosedClubsAreRefused() {
        String club = Registry.club("165", "2018-01-01", null);
        String closed = Registry.club("165", "2016-01-01", "2019-01-01");
        post(ADMIN, cash("districtCode", null, "clubId", club)).statusCode(201).body("districtCode", equalTo("165"))
                .body("clubId", equalTo(club));
        post(ADMIN, cash("clubId", club)).statusCode(400).body("errors[0].field", equalTo("districtCode"));
        post(ADMIN, cash("districtCode", null, "clubId", UUID.randomUUID().toString())).statusCode(400)
                .body("errors[0].field", equalTo("clubId"));
        post(ADMIN, cash("districtCode", null, "clubId", closed, "receivedOn", "2019-05-20")).statusCode(400)
                .body("errors[0].field", equalTo("clubId"));
        post(ADMIN, cash("districtCode", null, "clubId", closed, "receivedOn", "2018-12-31")).statusCode(201);
        post(ADMIN, cash("districtCode", "999")).statusCode(400).body("errors[0].field", equalTo("districtCode"));
        // The refusal names both areas by name and code, in Vietnamese when asked.
        io.restassured.RestAssured.given().auth().oauth2(Tokens.districtOfficer("164")).header("Accept-Language", "vi")
                .contentType(io.restassured.http.ContentType.JSON).body(cash("districtCode", null, "clubId", club))
                .post("/api/v1/contributions").then().statusCode(403)
                .body("detail", equalTo("Cán bộ của Huyện 164 (164) không được ghi nhận tài chính cho Huyện 165 (165)."));
    }

    @Test
    void provinceLevelContributionsAreTheProvincesOwn() {
        post(OFFICER, cash("districtCode", null)).statusCode(403).contentType("application/problem+json");
        post(ADMIN, cash("districtCode", null)).statusCode(201).body("districtCode", nullValue());
        post(Tokens.viewer(), cash()).statusCode(403);
    }

    @Test
    void receiptNumbersAreUniquePerDistrict() {
        String receipt = "PT-" + UUID.randomUUID().toString().substring(0, 8);
        post(ADMIN, cash("receiptNo", receipt)).statusCode(201);
        post(ADMIN, cash("receiptNo", receipt)).statusCode(409).contentType("application/problem+json");
        post(ADMIN, cash("receiptNo", receipt, "districtCode", "165")).statusCode(201);
    }

    @Test
    void anIdempotentRetryReturnsTheFirstResult() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = cash("receiptNo", "PT-" + key.substring(0, 8));
        String first = given().auth().oauth2(OFFICER).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/contributions").then().statusCode(201).extract().path("id");
        long count = Contribution.count();
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/contributions").then().statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        body.put("amountVnd", 6_000_000);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/contributions").then().statusCode(422).contentType("application/problem+json");
        assertEquals(count, Contribution.count());
    }

    @Test
    void aReversalKeepsTheRecordAndCannotBeRepeated() {
        String id = post(OFFICER, cash()).statusCode(201).extract().path("id");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("reversedOn", "2019-05-19", "reason", "Sai"))
                .post("/api/v1/contributions/" + id + "/reversal").then().statusCode(400).body("errors[0].field", equalTo("reversedOn"));
        given().auth().oauth2(Tokens.districtOfficer("165")).contentType(ContentType.JSON).body(Map.of("reversedOn", "2019-06-02", "reason", "Sai"))
                .post("/api/v1/contributions/" + id + "/reversal").then().statusCode(403);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("reversedOn", "2019-06-02", "reason", "Ghi nhầm số tiền"))
                .post("/api/v1/contributions/" + id + "/reversal").then().statusCode(200)
                .body("status", equalTo("REVERSED")).body("reversedOn", equalTo("2019-06-02")).body("version", equalTo(2));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("reversedOn", "2019-06-03", "reason", "Lần nữa"))
                .post("/api/v1/contributions/" + id + "/reversal").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(Tokens.viewer()).get("/api/v1/contributions/" + id).then().statusCode(403);
        given().auth().oauth2(Tokens.viewer()).get("/api/v1/contributions/" + id + "/history").then().statusCode(403);
        given().auth().oauth2(Tokens.provinceAdmin()).get("/api/v1/contributions/" + id).then().statusCode(200).body("status", equalTo("REVERSED"));
        given().auth().oauth2(Tokens.provinceAdmin()).get("/api/v1/contributions/" + id + "/history").then().statusCode(200)
                .body("action", containsInAnyOrder("RECORDED", "REVERSED"))
                .body("find { it.action == 'REVERSED' }.actor", equalTo("test-district-officer-164"));
    }

    @Test
    void theListFiltersAndAddsUpTheWholeFilteredSet() {
        String giver = Donors.create(ADMIN, "INDIVIDUAL");
        post(ADMIN, cash("donorId", giver, "amountVnd", 1_000_000, "receivedOn", "2018-02-01")).statusCode(201);
        post(ADMIN, cash("donorId", giver, "amountVnd", 2_000_000, "receivedOn", "2018-03-01")).statusCode(201);
        post(ADMIN, cash("donorId", giver, "amountVnd", 4_000_000, "receivedOn", "2018-04-01", "form", "IN_KIND", "valuationNote", "Gạo")).statusCode(201);
        given().auth().oauth2(Tokens.provinceAdmin()).queryParam("donorId", giver).queryParam("size", 1)
                .get("/api/v1/contributions").then().statusCode(200)
                .body("totalItems", equalTo(3)).body("totalVnd", equalTo(7_000_000)).body("items.size()", equalTo(1));
        given().auth().oauth2(Tokens.provinceAdmin()).queryParam("donorId", giver).queryParam("form", "CASH")
                .queryParam("receivedFrom", "2018-02-15").queryParam("receivedTo", "2018-12-31")
                .get("/api/v1/contributions").then().statusCode(200).body("totalItems", equalTo(1)).body("totalVnd", equalTo(2_000_000));
        given().auth().oauth2(Tokens.provinceAdmin()).queryParam("form", "GOLD").get("/api/v1/contributions").then().statusCode(400)
                .body("errors[0].field", equalTo("form"));
        given().auth().oauth2(Tokens.provinceAdmin()).queryParam("donorId", "not-a-uuid").get("/api/v1/contributions").then().statusCode(400)
                .body("errors[0].field", equalTo("donorId"));
    }
}
