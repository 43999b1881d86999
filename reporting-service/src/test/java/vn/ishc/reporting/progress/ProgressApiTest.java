package vn.ishc.reporting.progress;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ishc.testkit.stack.Tokens;

import java.time.LocalDate;
import java.time.ZoneId;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ProgressApiTest {

    static final String PROGRESS = "/api/v1/programmes/TN-ISHC-2017-2020/progress";

    @Inject
    ProgressService progress;

    @Inject
    DocumentJson json;

    @Test
    void aDocumentReadByManyIsWrittenOnceAsTheApiServesIt() {
        // Another test's events may move the figures between two reads: then the next round reads the new document.
        boolean servedFromTheKeptJson = false;
        for (int round = 0; round < 20 && !servedFromTheKeptJson; round++) {
            String served = given().auth().oauth2(Tokens.viewer()).queryParam("asOf", "2019-03-04").when().get(PROGRESS)
                    .then().statusCode(200).contentType("application/json").extract().asString();
            ProgressDocument held = progress.progress("TN-ISHC-2017-2020", LocalDate.of(2019, 3, 4));
            if (json.kept(held)) {
                assertEquals(served, new String(json.of(held), java.nio.charset.StandardCharsets.UTF_8));
                servedFromTheKeptJson = true;
            }
        }
        assertTrue(servedFromTheKeptJson, "the API wrote the cached document through DocumentJson, which kept its JSON");
    }

    @Test
    void aReadyDocumentIsServedUntilTheFiguresMoveAndThenComputedAgain() {
        LocalDate day = LocalDate.of(2018, 5, 17); // asked for by no other test
        String code = "TN-ISHC-2017-2020";
        vn.ishc.testkit.kafka.EventSender.send("registry.admin-units.v1", "19", vn.ishc.reporting.support.RegistryEvents
                .adminUnit("19", "Thái Nguyên", "Tỉnh Thái Nguyên", "PROVINCE", "tinh", null).toString());
        vn.ishc.testkit.kafka.EventSender.send("registry.admin-units.v1", "164", vn.ishc.reporting.support.RegistryEvents
                .adminUnit("164", "Thái Nguyên", "Thành phố Thái Nguyên", "DISTRICT", "thanh-pho", "19").toString());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> given().auth().oauth2(Tokens.viewer())
                .queryParam("asOf", day.toString()).get(PROGRESS + "/districts/164").statusCode() == 200);
        int activeBefore = given().auth().oauth2(Tokens.viewer()).queryParam("asOf", day.toString()).when().get(PROGRESS)
                .then().statusCode(200).extract().path("province.clubs.active");
        // Another test's events may move the figures between two reads: then the next round reads the new document.
        boolean servedAsHeld = false;
        for (int round = 0; round < 20 && !servedAsHeld; round++) {
            ProgressDocument computed = progress.progress(code, day);
            ProgressDocument ready = progress.ready(code, day);
            String served = given().auth().oauth2(Tokens.viewer()).queryParam("asOf", day.toString()).when().get(PROGRESS)
                    .then().statusCode(200).extract().asString();
            if (ready == computed && progress.ready(code, day) == ready) {
                assertEquals(new String(json.of(ready), java.nio.charset.StandardCharsets.UTF_8), served);
                servedAsHeld = true;
            }
        }
        assertTrue(servedAsHeld, "the document computed for the figures as they stand is the one kept and served");

        // A document computed outside GET …/progress (a district's progress, a table) is kept with its JSON already written.
        LocalDate otherDay = LocalDate.of(2018, 5, 19); // asked for by no other test
        boolean keptWritten = false;
        for (int round = 0; round < 20 && !keptWritten; round++) {
            ProgressDocument computed = progress.progress(code, otherDay);
            if (progress.ready(code, otherDay) == computed) {
                assertTrue(json.kept(computed), "its JSON was written when it was computed");
                keptWritten = true;
            }
        }
        assertTrue(keptWritten, "a document computed for the figures as they stand is kept");

        // A new club active on the day moves the figures: the kept document is no longer ready, the next read counts the club.
        com.fasterxml.jackson.databind.node.ObjectNode club = vn.ishc.reporting.support.RegistryEvents
                .club(java.util.UUID.randomUUID(), 1, "164", "05437", "2018-01-10", null);
        vn.ishc.testkit.kafka.EventSender.send("registry.club-snapshots.v1", club.get("aggregateId").asText(), club.toString());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> progress.ready(code, day) == null);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> given().auth().oauth2(Tokens.viewer())
                .queryParam("asOf", day.toString()).when().get(PROGRESS).then().statusCode(200)
                .extract().<Integer>path("province.clubs.active") >= activeBefore + 1);
    }

    @Test
    void theThaiNguyenProgrammeIsThereWithItsTargets() {
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/programmes/TN-ISHC-2017-2020")
                .then().statusCode(200)
                .body("startsOn", equalTo("2017-01-01"))
                .body("endsOn", equalTo("2020-12-31"))
                .body("targets.clubs", equalTo(400))
                .body("targets.olderMembers", equalTo(15000))
                .body("targets.contributionsVnd", equalTo(2000000000))
                .body("legalBasis", notNullValue());
        given().auth().oauth2(Tokens.districtOfficer("164")).when().get("/api/v1/programmes")
                .then().statusCode(200)
                .body("find { it.code == 'TN-ISHC-2017-2020' }.name", notNullValue());
    }

    @Test
    void operatorsSeeHowLongAComputationTookAndHowLongConnectionsWereWaitedFor() {
        // a document computed afresh (this date is asked nowhere else), then the metrics operators alert on (docs/reliability.md)
        given().auth().oauth2(Tokens.viewer()).queryParam("asOf", "2019-02-03").when().get(PROGRESS).then().statusCode(200);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("ishc_progress_compute_seconds_count ") && !line.endsWith(" 0.0")),
                "the computation's histogram counted it");
        assertTrue(metrics.contains("agroal_blocking_time_total_milliseconds{datasource=\"default\"}"), "the pool's waits");
        assertTrue(metrics.contains("ishc_progress_stamp_failures_total"), "failed stamp reads");
    }

    @Test
    void progressShowsTheProvinceTargetsAndTheDate() {
        given().auth().oauth2(Tokens.viewer()).queryParam("asOf", "2019-06-30").when().get(PROGRESS)
                .then().statusCode(200)
                .body("programme.code", equalTo("TN-ISHC-2017-2020"))
                .body("asOf", equalTo("2019-06-30"))
                .body("province.code", equalTo("19"))
                .body("province.targets.clubs", equalTo(400))
                .body("province.targets.olderMembers", equalTo(15000))
                .body("province.targets.contributionsVnd", equalTo(2000000000));
    }

    @Test
    void asOfDefaultsToTheEndOfAnEndedProgrammeAndToTodayInVietnamOtherwise() {
        given().auth().oauth2(Tokens.viewer()).when().get(PROGRESS)
                .then().statusCode(200)
                .body("asOf", equalTo("2020-12-31"));
        String running = "TN-RUNNING-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(Tokens.provinceAdmin()).contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("code", running, "name", "Chương trình đang chạy", "startsOn", "2021-01-01", "endsOn", "2030-12-31"))
                .post("/api/v1/programmes").then().statusCode(201);
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/programmes/" + running + "/progress")
                .then().statusCode(200)
                .body("asOf", equalTo(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString()));
        // An explicit date is answered as asked, also when it is the default one of another programme.
        given().auth().oauth2(Tokens.viewer()).queryParam("asOf", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString())
                .when().get(PROGRESS).then().statusCode(200)
                .body("asOf", equalTo(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString()));
    }

    @Test
    void datesOutsideTheProgrammeOrInTheFutureAreRefused() {
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1).toString();
        for (String asOf : new String[] {"2016-12-31", tomorrow}) {
            given().auth().oauth2(Tokens.viewer()).queryParam("asOf", asOf).when().get(PROGRESS)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("asOf"));
        }
        given().auth().oauth2(Tokens.viewer()).queryParam("asOf", "2019-13-01").when().get(PROGRESS)
                .then().statusCode(400).body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void oneDistrictsProgress() {
        vn.ishc.testkit.kafka.EventSender.send("registry.admin-units.v1", "170", vn.ishc.reporting.support.RegistryEvents
                .adminUnit("170", "Võ Nhai", "Huyện Võ Nhai", "DISTRICT", "huyen", "19").toString());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> given().auth().oauth2(Tokens.viewer())
                .queryParam("asOf", "2019-06-30").get(PROGRESS + "/districts/170").statusCode() == 200);
        given().auth().oauth2(Tokens.viewer()).queryParam("asOf", "2019-06-30").when().get(PROGRESS + "/districts/170")
                .then().statusCode(200)
                .body("asOf", equalTo("2019-06-30"))
                .body("programme.code", equalTo("TN-ISHC-2017-2020"))
                .body("district.code", equalTo("170"))
                .body("district.name", equalTo("Huyện Võ Nhai"))
                .body("district.clubs.active", notNullValue());
        given().auth().oauth2(Tokens.viewer()).when().get(PROGRESS + "/districts/999")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unknownProgrammeIs404() {
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/programmes/NO-SUCH/progress")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void progressNeedsAToken() {
        given().when().get(PROGRESS)
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }
}
