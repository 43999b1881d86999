package vn.ishc.reporting.programme;

import vn.ishc.reporting.config.Topics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ishc.reporting.projection.AdminUnitProjection;
import vn.ishc.reporting.support.RegistryEvents;
import vn.ishc.testkit.kafka.EventSender;
import vn.ishc.testkit.stack.Tokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** A province admin creates programmes and splits their targets by district; everyone sees them next to progress. */
@QuarkusTest
class ProgrammeTargetsTest {

    static final String ADMIN = Tokens.provinceAdmin();

    String code;

    @BeforeEach
    void programme() {
        for (String district : List.of("164", "165")) {
            EventSender.send(Topics.ADMIN_UNITS, district,
                    RegistryEvents.adminUnit(district, "Huyện " + district, "Huyện " + district, "DISTRICT", "huyen", "19").toString());
        }
        code = "TN-TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Chương trình thử nghiệm", "startsOn", "2021-01-01", "endsOn", "2025-12-31"))
                .post("/api/v1/programmes").then().statusCode(201).body("code", equalTo(code)).body("targets", nullValue());
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("province", Map.of("clubs", 10), "districts", List.of(Map.of("code", "165", "clubs", 10))))
                .put("/api/v1/programmes/" + code + "/targets").statusCode() == 200);
    }

    @Test
    void wrongMethodsAndOptionsNameTheMethodsOfThePathOnly() {
        given().auth().oauth2(Tokens.provinceAdmin()).when().request("TRACE", "/api/v1/programmes/TN-2017-2020/targets")
                .then().statusCode(405).header("Allow", equalTo("GET, HEAD, OPTIONS, PUT"));
        given().auth().oauth2(Tokens.provinceAdmin()).when().delete("/api/v1/programmes")
                .then().statusCode(405).header("Allow", equalTo("GET, HEAD, OPTIONS, POST"));
        given().auth().oauth2(Tokens.viewer()).when().options("/api/v1/programmes/TN-2017-2020/targets")
                .then().statusCode(204).header("Allow", equalTo("GET, HEAD, OPTIONS, PUT"));
    }

    @Test
    void targetsSplitByDistrictAndWhetherTheyAddUp() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("province", Map.of("clubs", 100, "olderMembers", 4000, "contributionsVnd", 500_000_000),
                        "districts", List.of(Map.of("code", "164", "clubs", 60, "olderMembers", 2500, "contributionsVnd", 300_000_000),
                                Map.of("code", "165", "clubs", 40, "olderMembers", 1000, "contributionsVnd", 200_000_000))))
                .put("/api/v1/programmes/" + code + "/targets").then().statusCode(200)
                .body("province.clubs", equalTo(100))
                .body("districts.code", containsInAnyOrder("164", "165"))
                .body("districtSums.olderMembers", equalTo(3500))
                .body("districtsAddUp.clubs", equalTo(true))
                .body("districtsAddUp.olderMembers", equalTo(false))
                .body("districtsAddUp.contributionsVnd", equalTo(true));
        given().auth().oauth2(Tokens.viewer()).queryParam("asOf", "2021-06-30")
                .get("/api/v1/programmes/" + code + "/progress").then().statusCode(200)
                .body("province.targets.clubs", equalTo(100))
                .body("districts.find { it.code == '164' }.targets.olderMembers", equalTo(2500))
                .body("districts.find { it.code == '165' }.targets.contributionsVnd", equalTo(200_000_000));
    }

    @Test
    void onlyAProvinceAdminSetsTargetsAndBadOnesAreRefused() {
        given().auth().oauth2(Tokens.districtOfficer("164")).contentType(ContentType.JSON)
                .body(Map.of("province", Map.of("clubs", 1))).put("/api/v1/programmes/" + code + "/targets").then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("province", Map.of("clubs", -1), "districts", List.of(Map.of("code", "999", "clubs", 1),
                        Map.of("code", "164", "contributionsVnd", 20_000_000_000_000L), Map.of("code", "164"))))
                .put("/api/v1/programmes/" + code + "/targets").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("province.clubs", "districts[0].code", "districts[1].contributionsVnd",
                        "districts[2].code"));
        given().auth().oauth2(Tokens.viewer()).get("/api/v1/programmes/" + code + "/targets").then().statusCode(200)
                .body("province.clubs", equalTo(10)).body("districts.code", containsInAnyOrder("165"));
    }

    @Test
    void programmeCodesAreUniqueAndDatesInOrder() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Lần nữa", "startsOn", "2021-01-01", "endsOn", "2025-12-31"))
                .post("/api/v1/programmes").then().statusCode(409);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("code", "tn lower", "name", "Sai", "startsOn", "2021-01-01", "endsOn", "2020-12-31"))
                .post("/api/v1/programmes").then().statusCode(400).body("errors[0].field", equalTo("code"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("code", code + "-X", "name", "Sai ngày", "startsOn", "2021-01-01", "endsOn", "2020-12-31"))
                .post("/api/v1/programmes").then().statusCode(400).body("errors[0].field", equalTo("endsOn"));
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON)
                .body(Map.of("code", code + "-Y", "name", "Người xem", "startsOn", "2021-01-01", "endsOn", "2025-12-31"))
                .post("/api/v1/programmes").then().statusCode(403);
    }
}
