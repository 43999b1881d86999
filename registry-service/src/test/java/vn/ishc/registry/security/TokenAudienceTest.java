package vn.ishc.registry.security;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.ishc.testkit.stack.Tokens;

import static io.restassured.RestAssured.given;

/** A token is accepted only when it was issued for this platform (its aud claim). */
@QuarkusTest
class TokenAudienceTest {

    @Test
    void aTokenForThisPlatformIsAccepted() {
        given().auth().oauth2(Tokens.provinceAdmin()).when().get("/api/v1/clubs").then().statusCode(200);
    }

    @Test
    void aTokenIssuedForAnotherSystemIsRefused() {
        given().auth().oauth2(Tokens.provinceAdminFor("hospital-records")).when().get("/api/v1/clubs")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenWithoutAudienceIsRefused() {
        given().auth().oauth2(Tokens.provinceAdminFor(null)).when().get("/api/v1/clubs")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
