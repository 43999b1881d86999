package vn.ishc.funding.contribution;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.ishc.funding.support.Donors;
import vn.ishc.funding.support.Registry;
import vn.ishc.testkit.stack.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two officers typing the same receipt number at the same moment: one is recorded, the others hear 409, none 500. */
@QuarkusTest
class ReceiptRaceTest {

    @Test
    void parallelContributionsWithOneReceiptNumberRecordOnce() throws Exception {
        Registry.districtsKnown();
        String officer = Tokens.districtOfficer("165");
        String donor = Donors.create(officer, "BUSINESS");
        String receipt = "PT-RACE-" + UUID.randomUUID().toString().substring(0, 8);
        Callable<Integer> record = () -> given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("donorId", donor, "form", "CASH", "amountVnd", 1_000_000, "receivedOn", "2019-05-20",
                        "districtCode", "165", "receiptNo", receipt))
                .post("/api/v1/contributions").statusCode();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(record));
            }
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        given().auth().oauth2(officer).queryParam("districtCode", "165").queryParam("size", 500)
                .get("/api/v1/contributions").then().statusCode(200)
                .body("items.findAll { it.receiptNo == '" + receipt + "' }.size()", org.hamcrest.Matchers.equalTo(1));
    }
}
