package vn.ishc.registry.adminunit;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.ishc.testkit.stack.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class AdminUnitApiTest {

    @Test
    void theNineDistrictsOfThaiNguyen() {
        given().auth().oauth2(Tokens.viewer())
                .queryParam("level", "DISTRICT").queryParam("parentCode", "19").queryParam("asOf", "2019-06-30")
                .when().get("/api/v1/admin-units")
                .then().statusCode(200)
                .body("$", hasSize(9))
                .body("code", hasItem("164"))
                .body("find { it.code == '164' }.fullName", equalTo("Thành phố Thái Nguyên"));
    }

    @Test
    void communesFollowThe2020Changes() {
        given().auth().oauth2(Tokens.viewer())
                .queryParam("level", "COMMUNE").queryParam("asOf", "2019-12-31")
                .when().get("/api/v1/admin-units")
                .then().statusCode(200).body("findAll { it.parentCode >= '164' && it.parentCode <= '173' }", hasSize(180));
        given().auth().oauth2(Tokens.viewer())
                .queryParam("level", "COMMUNE").queryParam("asOf", "2020-02-01")
                .when().get("/api/v1/admin-units")
                .then().statusCode(200).body("findAll { it.parentCode >= '164' && it.parentCode <= '173' }", hasSize(178))
                .body("find { it.code == '05509' }.name", equalTo("Châu Sơn"));
    }

    @Test
    void withoutAsOfEachUnitIsListedOnceInItsLatestPeriod() {
        given().auth().oauth2(Tokens.viewer())
                .queryParam("level", "DISTRICT").queryParam("parentCode", "19")
                .when().get("/api/v1/admin-units")
                .then().statusCode(200)
                .body("findAll { it.code == '172' }", hasSize(1))
                .body("find { it.code == '172' }.unitType", equalTo("thanh-pho"))
                .body("find { it.code == '172' }.validFrom", org.hamcrest.Matchers.notNullValue())
                .body("code.unique().size()", equalTo(9));
    }

    @Test
    void tucDuyenIsAWardOfThaiNguyenCity() {
        given().auth().oauth2(Tokens.viewer())
                .queryParam("parentCode", "164")
                .when().get("/api/v1/admin-units")
                .then().statusCode(200)
                .body("find { it.code == '05437' }.fullName", equalTo("Phường Túc Duyên"))
                .body("find { it.code == '05437' }.level", equalTo("COMMUNE"));
    }

    @Test
    void badAsOfIs400() {
        given().auth().oauth2(Tokens.viewer())
                .queryParam("asOf", "30/06/2019")
                .when().get("/api/v1/admin-units")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("asOf"));
    }
}
