package vn.ishc.funding.support;

import io.restassured.http.ContentType;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

public final class Donors {

    private Donors() {
    }

    public static String create(String token, String type) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "Nhà tài trợ " + UUID.randomUUID().toString().substring(0, 8), "type", type))
                .post("/api/v1/donors").then().statusCode(201).extract().path("id");
    }
}
