package vn.ishc.registry.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.ishc.testkit.stack.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Every refusal is an RFC 9457 problem document, and none leaks internals. */
@QuarkusTest
class ProblemResponsesTest {

    @Test
    void requestWithoutTokenIs401() {
        given().when().get("/api/v1/admin-units")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("title", equalTo("Authentication required"));
    }

    @Test
    void forgedOrGarbageTokenIs401() {
        given().auth().oauth2("not-a-jwt").when().get("/api/v1/admin-units")
                .then().statusCode(401).contentType("application/problem+json");
        // Signed by another key than the one the service trusts.
        String token = Tokens.viewer();
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().auth().oauth2(tampered).when().get("/api/v1/admin-units")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void malformedJsonIs400() {
        given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.JSON)
                .body("{\"name\": \"CLB\", ")
                .when().post("/api/v1/clubs")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ishc:problem:malformed-json"))
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("Exception")));
    }

    @Test
    void wrongTypeNamesTheField() {
        given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.JSON)
                .body("{\"name\": \"CLB Hoa Sen\", \"communeCode\": \"05437\", \"establishedOn\": \"15/03/2018\"}")
                .when().post("/api/v1/clubs")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("establishedOn"));
    }

    @Test
    void unknownEnumValueIs400WithTheAllowedValues() {
        given().auth().oauth2(Tokens.viewer())
                .when().get("/api/v1/admin-units?level=HAMLET")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("level"))
                .body("errors[0].message", containsString("PROVINCE, DISTRICT, COMMUNE"));
    }

    @Test
    void unknownEnumValuesInABodyAreNamedWithEveryOtherInvalidField() {
        String club = given().auth().oauth2(Tokens.provinceAdmin()).contentType("application/json")
                .body("{\"name\": \"CLB thử lỗi liệt kê\", \"communeCode\": \"05437\", \"establishedOn\": \"2018-03-15\"}")
                .post("/api/v1/clubs").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.provinceAdmin()).header("Accept-Language", "vi").contentType("application/json")
                .body("{\"fullName\": \"Nguyễn Thị Lan\", \"gender\": \"F\", \"birthYear\": 1955, \"householdStatus\": \"nghèo\"}")
                .when().post("/api/v1/clubs/" + club + "/members")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(java.util.List.of("gender", "householdStatus", "joinedOn")))
                .body("errors[0].message", containsString("FEMALE, MALE"))
                .body("errors[1].message", containsString("POOR, NEAR_POOR, HARDSHIP, NONE"))
                .body("errors[2].message", equalTo("Bắt buộc nhập."));
        given().auth().oauth2(Tokens.provinceAdmin()).get("/api/v1/clubs/" + club + "/members").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void wrongMethodIs405() {
        given().auth().oauth2(Tokens.provinceAdmin())
                .when().delete("/api/v1/clubs")
                .then().statusCode(405)
                .contentType("application/problem+json")
                .body("status", equalTo(405));
    }

    @Test
    void traceIs405NamingTheMethodsOfThePath() {
        given().auth().oauth2(Tokens.provinceAdmin())
                .when().request("TRACE", "/api/v1/clubs")
                .then().statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", equalTo("GET, HEAD, OPTIONS, POST"));
        // RESTEasy alone would name every method of the class (PATCH included) on a path that has only POST.
        given().auth().oauth2(Tokens.provinceAdmin())
                .when().get("/api/v1/clubs/4ce78d5b-c381-4ef3-a1a9-08d9936622b1/closure")
                .then().statusCode(405)
                .header("Allow", equalTo("OPTIONS, POST"));
    }

    @Test
    void optionsNamesOnlyTheMethodsOfThePath() {
        given().auth().oauth2(Tokens.viewer())
                .when().options("/api/v1/clubs/4ce78d5b-c381-4ef3-a1a9-08d9936622b1/closure")
                .then().statusCode(204)
                .header("Allow", equalTo("OPTIONS, POST"));
        given().auth().oauth2(Tokens.viewer())
                .when().options("/api/v1/clubs/4ce78d5b-c381-4ef3-a1a9-08d9936622b1")
                .then().statusCode(204)
                .header("Allow", equalTo("GET, HEAD, OPTIONS, PATCH"));
        given().auth().oauth2(Tokens.viewer())
                .when().options("/api/v1/no-such-thing")
                .then().statusCode(404);
    }

    @Test
    void wrongContentTypeIs415() {
        given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.TEXT)
                .body("name=CLB")
                .when().post("/api/v1/clubs")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415));
    }

    @Test
    void unknownPathIs404() {
        given().auth().oauth2(Tokens.viewer())
                .when().get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("instance", equalTo("/api/v1/no-such-thing"))
                .body("detail", notNullValue());
    }
}
