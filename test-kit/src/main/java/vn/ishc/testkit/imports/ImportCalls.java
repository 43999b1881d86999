package vn.ishc.testkit.imports;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** What a client of the import API does: commit a job and follow it while it runs. */
public final class ImportCalls {

    private ImportCalls() {
    }

    /** Commits the job (ALL or VALID rows) and follows it until it is no longer writing. */
    public static JsonPath commit(String token, String id, String rows) {
        Response answer = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("rows", rows))
                .post("/api/v1/imports/" + id + "/commit");
        if (answer.statusCode() != 200 && answer.statusCode() != 202) {
            throw new AssertionError("commit answered " + answer.statusCode() + ": " + answer.asString());
        }
        return follow(token, id, "COMMITTING");
    }

    /** Polls the job while it is in the given status, as a client following a long import does. */
    public static JsonPath follow(String token, String id, String whileStatus) {
        for (int i = 0; i < 600; i++) {
            JsonPath job = given().auth().oauth2(token).get("/api/v1/imports/" + id).then().statusCode(200).extract().jsonPath();
            if (!whileStatus.equals(job.getString("status"))) {
                return job;
            }
            pause(200);
        }
        throw new AssertionError("the import stayed " + whileStatus);
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
