package vn.ishc.funding.pledge;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ishc.funding.support.Donors;
import vn.ishc.funding.support.Registry;
import vn.ishc.testkit.stack.Tokens;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class PledgeApiTest {

    static final String OFFICER = Tokens.districtOfficer("168");

    String donor;

    @BeforeEach
    void setUp() {
        Registry.districtsKnown();
        donor = Donors.create(OFFICER, "BUSINESS");
    }

    private String pledge(long amount) {
        return given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Map.of("donorId", donor, "amountVnd", amount, "pledgedOn", "2019-03-01", "dueOn", "2019-12-31", "districtCode", "168"))
                .post("/api/v1/pledges").then().statusCode(201)
                .body("status", equalTo("OPEN")).body("outstandingVnd", equalTo((int) amount)).extract().path("id");
    }

    private void give(String pledgeId, long amount) {
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Map.of("donorId", donor, "form", "CASH", "amountVnd", amount, "receivedOn", "2019-06-01", "districtCode", "168",
                        "pledgeId", pledgeId))
                .post("/api/v1/contributions").then().statusCode(201);
    }

    @Test
    void wrongMethodsAndOptionsNameTheMethodsOfThePathOnly() {
        String any = "/api/v1/pledges/6a1f2c3d-4b5e-4f60-8a71-92b3c4d5e6f7";
        given().auth().oauth2(Tokens.provinceAdmin()).when().request("TRACE", any + "/cancellation")
                .then().statusCode(405).header("Allow", org.hamcrest.Matchers.equalTo("OPTIONS, POST"));
        given().auth().oauth2(Tokens.provinceAdmin()).when().options(any)
                .then().statusCode(204).header("Allow", org.hamcrest.Matchers.equalTo("GET, HEAD, OPTIONS"));
    }

    @Test
    void onlyAContributionOfThePledgesDistrictFulfilsIt() {
        String pledgeOf168 = pledge(4_000_000);
        String elsewhere = Tokens.districtOfficer("169");
        String theirDonor = Donors.create(elsewhere, "BUSINESS");
        given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.JSON)
                .body(Map.of("donorId", donor, "form", "CASH", "amountVnd", 1_000_000, "receivedOn", "2019-06-01", "districtCode", "169",
                        "pledgeId", pledgeOf168))
                .post("/api/v1/contributions").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("pledgeId"));
        given().auth().oauth2(elsewhere).contentType(ContentType.JSON)
                .body(Map.of("donorId", theirDonor, "form", "CASH", "amountVnd", 1_000_000, "receivedOn", "2019-06-01", "districtCode", "169",
                        "pledgeId", pledgeOf168))
                .post("/api/v1/contributions").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("pledgeId"));
        given().auth().oauth2(Tokens.provinceAdmin()).get("/api/v1/pledges/" + pledgeOf168).then().statusCode(200)
                .body("outstandingVnd", equalTo(4_000_000));
    }

    @Test
    void contributionsFulfilAPledgeAndMayExceedIt() {
        String id = pledge(10_000_000);
        give(id, 4_000_000);
        given().auth().oauth2(Tokens.provinceAdmin()).get("/api/v1/pledges/" + id).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("fulfilledVnd", equalTo(4_000_000)).body("outstandingVnd", equalTo(6_000_000));
        give(id, 7_000_000);
        given().auth().oauth2(Tokens.provinceAdmin()).get("/api/v1/pledges/" + id).then().statusCode(200)
                .body("status", equalTo("FULFILLED")).body("fulfilledVnd", equalTo(11_000_000)).body("outstandingVnd", equalTo(0))
                .body("overFulfilledVnd", equalTo(1_000_000));
        given().auth().oauth2(Tokens.provinceAdmin()).queryParam("donorId", donor).queryParam("status", "FULFILLED")
                .get("/api/v1/pledges").then().statusCode(200).body("items.id", containsInAnyOrder(id));
    }

    @Test
    void aCancelledPledgeTakesNoMoreContributions() {
        String open = pledge(3_000_000);
        String cancelled = pledge(5_000_000);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("cancelledOn", "2020-01-15", "reason", "Rút cam kết"))
                .post("/api/v1/pledges/" + cancelled + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("outstandingVnd", equalTo(0));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("cancelledOn", "2020-01-16", "reason", "Lần nữa"))
                .post("/api/v1/pledges/" + cancelled + "/cancellation").then().statusCode(409);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Map.of("donorId", donor, "form", "CASH", "amountVnd", 1_000, "receivedOn", "2020-02-01", "districtCode", "168",
                        "pledgeId", cancelled))
                .post("/api/v1/contributions").then().statusCode(400).body("errors[0].field", equalTo("pledgeId"));
        given().auth().oauth2(Tokens.provinceAdmin()).queryParam("donorId", donor).queryParam("status", "OPEN")
                .get("/api/v1/pledges").then().statusCode(200).body("items.id", containsInAnyOrder(open));
        given().auth().oauth2(Tokens.provinceAdmin()).queryParam("donorId", donor).queryParam("status", "CANCELLED")
                .get("/api/v1/pledges").then().statusCode(200).body("items.id", containsInAnyOrder(cancelled));
    }

    @Test
    void statsCountWhatIsStillOutstandingOnTheDate() {
        String officer = Tokens.districtOfficer("170");
        String giver = Donors.create(officer, "BUSINESS");
        long before = outstanding("170", "2019-12-31");
        long beforeGift = outstanding("170", "2019-05-31");
        String id = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("donorId", giver, "amountVnd", 10_000_000, "pledgedOn", "2019-03-01", "districtCode", "170"))
                .post("/api/v1/pledges").then().statusCode(201).extract().path("id");
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("donorId", giver, "form", "CASH", "amountVnd", 4_000_000, "receivedOn", "2019-06-01", "districtCode", "170",
                        "pledgeId", id))
                .post("/api/v1/contributions").then().statusCode(201);
        org.junit.jupiter.api.Assertions.assertEquals(beforeGift + 10_000_000, outstanding("170", "2019-05-31"));
        org.junit.jupiter.api.Assertions.assertEquals(before + 6_000_000, outstanding("170", "2019-12-31"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("cancelledOn", "2020-01-15", "reason", "Rút cam kết"))
                .post("/api/v1/pledges/" + id + "/cancellation").then().statusCode(200);
        org.junit.jupiter.api.Assertions.assertEquals(before + 6_000_000, outstanding("170", "2019-12-31"));
        org.junit.jupiter.api.Assertions.assertEquals(outstanding("170", "2020-01-14") - 6_000_000, outstanding("170", "2020-01-15"));
    }

    private static long outstanding(String district, String asOf) {
        return given().auth().oauth2(Tokens.viewer()).queryParam("asOf", asOf).get("/api/v1/stats").then().statusCode(200)
                .extract().jsonPath().getLong("districts.find { it.code == '" + district + "' }.pledgedOutstandingVnd");
    }

    @Test
    void badPledgesAreRefused() {
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Map.of("donorId", donor, "amountVnd", 0.5, "pledgedOn", "2019-03-01", "dueOn", "2019-01-01", "districtCode", "168"))
                .post("/api/v1/pledges").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("amountVnd", "dueOn"));
        given().auth().oauth2(Tokens.districtOfficer("164")).contentType(ContentType.JSON)
                .body(Map.of("donorId", donor, "amountVnd", 1000, "pledgedOn", "2019-03-01", "districtCode", "168"))
                .post("/api/v1/pledges").then().statusCode(403);
    }
}
