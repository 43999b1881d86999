package vn.ishc.registry.events;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.ishc.testkit.stack.Tokens;

import static io.restassured.RestAssured.given;

/** The kit's operator endpoints act on every district's events: only a province admin may call them. */
@QuarkusTest
class OperationsScopeTest {

    @Test
    void officersAndViewersCannotListOrRedriveParkedEventsOrDeadLetters() {
        for (String token : new String[]{Tokens.districtOfficer("164"), Tokens.viewer()}) {
            given().auth().oauth2(token).get("/api/v1/admin/outbox/parked").then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).post("/api/v1/admin/outbox/parked/redrive").then().statusCode(403);
            given().auth().oauth2(token).post("/api/v1/admin/dead-letters/redrive").then().statusCode(403);
        }
        given().post("/api/v1/admin/dead-letters/redrive").then().statusCode(401);
    }

    @Test
    void aProvinceAdminRedrivesAndRegistryHasNoDeadLettersToApply() {
        // registry consumes no topic: nothing to re-drive, and nothing changes
        given().auth().oauth2(Tokens.provinceAdmin()).post("/api/v1/admin/dead-letters/redrive").then().statusCode(200)
                .body("applied", org.hamcrest.Matchers.equalTo(0)).body("deadLetteredAgain", org.hamcrest.Matchers.equalTo(0));
    }
}
