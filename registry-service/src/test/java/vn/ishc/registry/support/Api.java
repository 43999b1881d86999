package vn.ishc.registry.support;

import io.restassured.http.ContentType;
import vn.ishc.testkit.http.Bodies;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Small helpers to set up clubs and members through the API, as an officer would. */
public final class Api {

    private Api() {
    }

    public static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String club(String token, String commune, String establishedOn) {
        return club(token, uniqueName("CLB Liên thế hệ"), commune, establishedOn);
    }

    public static String club(String token, String name, String commune, String establishedOn) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", name, "communeCode", commune, "establishedOn", establishedOn))
                .when().post("/api/v1/clubs")
                .then().statusCode(201).extract().path("id");
    }

    /** A valid member body; override fields with {@code with}. */
    public static Map<String, Object> member(Object... overrides) {
        return Bodies.overriding(Map.of("fullName", uniqueName("Nguyễn Thị Lan"), "gender", "FEMALE",
                "birthYear", 1955, "householdStatus", "NONE", "joinedOn", "2018-04-01"), overrides);
    }

    public static String addMember(String token, String clubId, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/clubs/" + clubId + "/members")
                .then().statusCode(201).extract().path("id");
    }
}
