package vn.ishc.funding.stats;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.ishc.funding.support.Donors;
import vn.ishc.funding.support.Registry;
import vn.ishc.testkit.counting.CountingRuleVectors;
import vn.ishc.testkit.counting.CountingRuleVectors.Vector;
import vn.ishc.testkit.stack.Tokens;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.ishc.testkit.counting.CountingRuleVectors.text;

/**
 * funding's own totals (/api/v1/stats from the programme start) give the money figures of every
 * shared vector (contracts/counting-rules): its pledges and contributions are recorded through
 * the API and the totals on its date must move by exactly its figures.
 */
@QuarkusTest
class CountingRuleVectorsTest {

    static final String ADMIN = Tokens.provinceAdmin();
    static final List<String> FIGURES = List.of("receivedVnd", "pledgedOutstandingVnd");

    static List<Vector> vectors() {
        return CountingRuleVectors.all();
    }

    @BeforeEach
    void districts() {
        Registry.districtsKnown();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void totalsMoveByTheVectorsFigures(Vector vector) {
        JsonPath before = stats(vector);
        String donor = Donors.create(ADMIN, "BUSINESS");
        Map<String, String> pledges = new HashMap<>();
        for (JsonNode p : vector.pledges()) {
            Map<String, Object> body = new HashMap<>(Map.of("donorId", donor, "amountVnd", p.path("amountVnd").asLong(),
                    "pledgedOn", text(p, "pledgedOn")));
            if (text(p, "district") != null) {
                body.put("districtCode", text(p, "district"));
            }
            pledges.put(text(p, "key"), post("/api/v1/pledges", body));
        }
        for (JsonNode c : vector.contributions()) {
            Map<String, Object> body = new HashMap<>(Map.of("donorId", donor, "form", "CASH", "amountVnd", c.path("amountVnd").asLong(),
                    "receivedOn", text(c, "receivedOn")));
            if (text(c, "district") != null) {
                body.put("districtCode", text(c, "district"));
            }
            if (text(c, "pledge") != null) {
                body.put("pledgeId", pledges.get(text(c, "pledge")));
            }
            String id = post("/api/v1/contributions", body);
            if (text(c, "reversedOn") != null) {
                given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("reversedOn", text(c, "reversedOn"), "reason", "Ghi nhầm"))
                        .post("/api/v1/contributions/" + id + "/reversal").then().statusCode(200);
            }
        }
        for (JsonNode p : vector.pledges()) {
            if (text(p, "cancelledOn") != null) {
                given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("cancelledOn", text(p, "cancelledOn"), "reason", "Rút cam kết"))
                        .post("/api/v1/pledges/" + pledges.get(text(p, "key")) + "/cancellation").then().statusCode(200);
            }
        }
        JsonPath after = stats(vector);
        for (String area : vector.areas()) {
            String path = area.equals("province") ? "province" : "districts.find { it.code == '" + area + "' }";
            for (String figure : FIGURES) {
                var expected = vector.expected(area, figure);
                if (expected.isPresent()) {
                    long moved = after.getLong(path + "." + figure) - before.getLong(path + "." + figure);
                    assertEquals(expected.get(), moved, vector + ", " + area + ", " + figure);
                }
            }
        }
    }

    private static JsonPath stats(Vector vector) {
        return given().auth().oauth2(Tokens.viewer()).queryParam("asOf", vector.asOf().toString())
                .queryParam("from", vector.programmeStart().toString())
                .get("/api/v1/stats").then().statusCode(200).extract().jsonPath();
    }

    private static String post(String path, Map<String, Object> body) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body)
                .post(path).then().statusCode(201).extract().path("id");
    }
}
