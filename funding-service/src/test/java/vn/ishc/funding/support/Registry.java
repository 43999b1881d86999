package vn.ishc.funding.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import vn.ishc.testkit.kafka.EventSender;
import vn.ishc.testkit.stack.Tokens;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Plays registry's part for funding's tests: publishes districts and clubs on registry's topics,
 * and waits until funding's replica has them.
 */
public final class Registry {

    public static final String[] DISTRICTS = {"164", "165", "167", "168", "169", "170", "171", "172", "173"};
    private static boolean districtsPublished;

    private Registry() {
    }

    public static synchronized void districtsKnown() {
        if (districtsPublished) {
            return;
        }
        for (String code : DISTRICTS) {
            EventSender.send("registry.admin-units.v1", code,
                    RegistryEvents.adminUnit(code, "Huyện " + code, "Huyện " + code, "DISTRICT", "huyen", "19").toString());
        }
        // The replica is ready when a contribution in the last district is no longer refused as unknown.
        String admin = Tokens.provinceAdmin();
        String donor = Donors.create(admin, "ORGANIZATION");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("donorId", donor, "form", "CASH", "amountVnd", 1, "receivedOn", "2018-01-01", "districtCode", "173",
                        "receiptNo", "READY-" + UUID.randomUUID()))
                .post("/api/v1/contributions").statusCode() == 201);
        districtsPublished = true;
    }

    /** Publishes a club snapshot and waits until funding accepts contributions for it (or sees it closed). */
    public static String club(String district, String establishedOn, String closedOn) {
        UUID id = UUID.randomUUID();
        ObjectNode event = RegistryEvents.club(id, 1, district, "00000", establishedOn, closedOn);
        EventSender.send("registry.club-snapshots.v1", id.toString(), event.toString());
        String admin = Tokens.provinceAdmin();
        String donor = Donors.create(admin, "ORGANIZATION");
        // A future date makes the probe invalid whatever happens, so it never records anything.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String clubError = given().auth().oauth2(admin).contentType(ContentType.JSON).header("Accept-Language", "en")
                    .body(Map.of("donorId", donor, "form", "CASH", "amountVnd", 1, "receivedOn", "2099-01-01", "clubId", id.toString()))
                    .post("/api/v1/contributions").then().statusCode(400)
                    .extract().path("errors.find { it.field == 'clubId' }.message");
            return clubError == null || !clubError.startsWith("Registry knows no club");
        });
        return id.toString();
    }
}
