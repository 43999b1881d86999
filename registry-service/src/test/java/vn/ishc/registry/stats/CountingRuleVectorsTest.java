package vn.ishc.registry.stats;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.ishc.registry.support.Api;
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
 * registry's own counts (/api/v1/stats) give the club and member figures of every shared vector
 * (contracts/counting-rules): the vector's clubs and members are registered through the API and
 * the counts on its date must move by exactly its figures.
 */
@QuarkusTest
class CountingRuleVectorsTest {

    static final String ADMIN = Tokens.provinceAdmin();

    /** The vector's figure names and the fields of registry's counts that hold them. */
    static final Map<String, String> FIGURES = Map.of("clubsActive", "clubsActive", "membersActive", "membersActive",
            "membersOlder", "older", "membersWomen", "women", "membersPoor", "poor", "membersNearPoor", "nearPoor",
            "membersHardship", "hardship");

    static List<Vector> vectors() {
        return CountingRuleVectors.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void statsMoveByTheVectorsFigures(Vector vector) {
        JsonPath before = stats(vector);
        for (JsonNode club : vector.clubs()) {
            register(club);
        }
        JsonPath after = stats(vector);
        for (String area : vector.areas()) {
            String path = area.equals("province") ? "province" : "districts.find { it.code == '" + area + "' }";
            for (Map.Entry<String, String> figure : FIGURES.entrySet()) {
                var expected = vector.expected(area, figure.getKey());
                if (expected.isPresent()) {
                    long moved = after.getLong(path + "." + figure.getValue()) - before.getLong(path + "." + figure.getValue());
                    assertEquals(expected.get(), moved, vector + ", " + area + ", " + figure.getKey());
                }
            }
        }
    }

    private static JsonPath stats(Vector vector) {
        return given().auth().oauth2(Tokens.viewer()).queryParam("asOf", vector.asOf().toString())
                .get("/api/v1/stats").then().statusCode(200).extract().jsonPath();
    }

    private static void register(JsonNode club) {
        String id = Api.club(ADMIN, Api.uniqueName("CLB " + text(club, "key")), text(club, "commune"), text(club, "establishedOn"));
        for (JsonNode m : club.path("members")) {
            Map<String, Object> body = new HashMap<>(Api.member("gender", text(m, "gender"), "householdStatus", text(m, "householdStatus"),
                    "joinedOn", text(m, "joinedOn"), "birthYear", null));
            if (text(m, "birthDate") != null) {
                body.put("birthDate", text(m, "birthDate"));
            } else {
                body.put("birthYear", m.path("birthYear").asInt());
            }
            if (!"NONE".equals(text(m, "householdStatus"))) {
                body.put("householdStatusYear", 2017);
            }
            String member = Api.addMember(ADMIN, id, body);
            if (text(m, "leftOn") != null) {
                given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("leftOn", text(m, "leftOn"), "reason", "Chuyển nơi ở"))
                        .post("/api/v1/clubs/" + id + "/members/" + member + "/departure").then().statusCode(200);
            }
        }
        if (text(club, "closedOn") != null) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("closedOn", text(club, "closedOn"), "reason", "Sáp nhập"))
                    .post("/api/v1/clubs/" + id + "/closure").then().statusCode(200);
        }
    }
}
