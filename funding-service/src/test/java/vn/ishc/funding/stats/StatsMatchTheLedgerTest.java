package vn.ishc.funding.stats;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ishc.funding.support.Donors;
import vn.ishc.funding.support.Registry;
import vn.ishc.testkit.stack.Tokens;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hundreds of random contributions, some reversed: /stats equals the sums of the listed contributions. */
@QuarkusTest
class StatsMatchTheLedgerTest {

    static final String ADMIN = Tokens.provinceAdmin();
    static final String[] FORMS = {"CASH", "IN_KIND", "LABOUR"};

    @BeforeEach
    void districts() {
        Registry.districtsKnown();
    }

    @Test
    void statsEqualTheListedContributions() {
        Random random = new Random(20171001);
        List<String> donors = List.of(Donors.create(ADMIN, "BUSINESS"), Donors.create(ADMIN, "INDIVIDUAL"), Donors.create(ADMIN, "GOVERNMENT"));
        List<String> recorded = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String form = FORMS[random.nextInt(FORMS.length)];
            String district = random.nextInt(10) == 0 ? null : Registry.DISTRICTS[random.nextInt(Registry.DISTRICTS.length)];
            long amount = 1 + (long) (random.nextDouble() * 50_000_000);
            LocalDate received = LocalDate.of(2017, 1, 1).plusDays(random.nextInt(1400));
            var body = new java.util.HashMap<String, Object>(Map.of("donorId", donors.get(random.nextInt(donors.size())), "form", form,
                    "amountVnd", amount, "receivedOn", received.toString()));
            if (!"CASH".equals(form)) {
                body.put("valuationNote", "Quy đổi theo giá thị trường");
            }
            if (district != null) {
                body.put("districtCode", district);
            }
            recorded.add(given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/contributions").then().statusCode(201).extract().path("id"));
        }
        for (int i = 0; i < 30; i++) {
            String id = recorded.get(random.nextInt(recorded.size()));
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("reversedOn", "2021-06-01", "reason", "Kiểm tra"))
                    .post("/api/v1/contributions/" + id + "/reversal").then().statusCode(org.hamcrest.Matchers.oneOf(200, 409));
        }

        JsonPath stats = given().auth().oauth2(Tokens.viewer()).get("/api/v1/stats").then().statusCode(200).extract().jsonPath();
        long provinceSum = 0;
        for (String district : Registry.DISTRICTS) {
            for (String form : FORMS) {
                long listed = listedTotal(district, form);
                String field = switch (form) {
                    case "CASH" -> "cashVnd";
                    case "IN_KIND" -> "inKindVnd";
                    default -> "labourVnd";
                };
                assertEquals(listed, stats.getLong("districts.find { it.code == '" + district + "' }." + field), district + " " + form);
            }
            long districtTotal = listedTotal(district, null);
            assertEquals(districtTotal, stats.getLong("districts.find { it.code == '" + district + "' }.receivedVnd"), district);
            provinceSum += districtTotal;
        }
        long everything = given().auth().oauth2(Tokens.provinceAdmin()).queryParam("status", "RECORDED").queryParam("size", 1)
                .get("/api/v1/contributions").then().statusCode(200).extract().jsonPath().getLong("totalVnd");
        assertEquals(everything, stats.getLong("province.receivedVnd"));
        assertEquals(everything - provinceSum, stats.getLong("provinceLevel.receivedVnd"));
    }

    private static long listedTotal(String district, String form) {
        var request = given().auth().oauth2(Tokens.provinceAdmin()).queryParam("districtCode", district).queryParam("status", "RECORDED")
                .queryParam("size", 1);
        if (form != null) {
            request.queryParam("form", form);
        }
        return request.get("/api/v1/contributions").then().statusCode(200).extract().jsonPath().getLong("totalVnd");
    }
}
