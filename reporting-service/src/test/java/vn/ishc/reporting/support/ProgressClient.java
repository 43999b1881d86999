package vn.ishc.reporting.support;

import io.restassured.path.json.JsonPath;
import vn.ishc.testkit.stack.Tokens;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** Reads progress the way a dashboard does. */
public final class ProgressClient {

    public static final String PROGRAMME = "TN-ISHC-2017-2020";

    private ProgressClient() {
    }

    public static JsonPath progress(String asOf) {
        return progress(PROGRAMME, asOf);
    }

    public static JsonPath progress(String programme, String asOf) {
        return given().auth().oauth2(Tokens.viewer()).queryParam("asOf", asOf)
                .when().get("/api/v1/programmes/" + programme + "/progress")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The figures of one district as a flat map: clubs.active, members.older, ... */
    public static Map<String, Long> district(String asOf, String districtCode) {
        JsonPath doc = progress(asOf);
        String prefix = "districts.find { it.code == '" + districtCode + "' }.";
        return figures(doc, prefix);
    }

    public static Map<String, Long> province(String asOf) {
        return province(PROGRAMME, asOf);
    }

    public static Map<String, Long> province(String programme, String asOf) {
        return figures(progress(programme, asOf), "province.");
    }

    private static Map<String, Long> figures(JsonPath doc, String prefix) {
        java.util.TreeMap<String, Long> out = new java.util.TreeMap<>();
        for (String key : new String[] {"clubs.active", "clubs.new", "clubs.maintained", "members.active", "members.older",
                "members.women", "members.poor", "members.nearPoor", "members.hardship", "contributions.receivedVnd"}) {
            Object value = doc.get(prefix + key);
            out.put(key, value == null ? null : ((Number) value).longValue());
        }
        return out;
    }

    public static Map<String, Long> plus(Map<String, Long> base, Map<String, Long> delta) {
        java.util.TreeMap<String, Long> out = new java.util.TreeMap<>(base);
        delta.forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }
}
