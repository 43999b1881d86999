package vn.ishc.funding.area;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ishc.funding.support.Donors;
import vn.ishc.funding.support.Reform;
import vn.ishc.funding.support.RegistryEvents;
import vn.ishc.testkit.http.Bodies;
import vn.ishc.testkit.kafka.EventSender;
import vn.ishc.testkit.stack.Tokens;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** A club's contributions follow where the club sits on their date: its placements, as registry derives them. */
@QuarkusTest
class ClubsAcrossTheReformTest {

    static final String ADMIN = Tokens.provinceAdmin();

    String donor;

    @BeforeEach
    void setUp() {
        Reform.known();
        donor = Donors.create(ADMIN, "ORGANIZATION");
    }

    private Map<String, Object> cash(String clubId, String receivedOn, Object... overrides) {
        return Bodies.overriding(Map.of("donorId", donor, "form", "CASH", "amountVnd", 3_000_000, "receivedOn", receivedOn, "clubId", clubId),
                overrides);
    }

    private static io.restassured.response.ValidatableResponse post(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/contributions").then();
    }

    @Test
    void aClubRegisteredAfterTheReformHasNoDistrictAndIsApplied() {
        UUID id = UUID.randomUUID();
        ObjectNode event = RegistryEvents.club(id, 1, null, "05443", "2025-07-10", null);
        ((ObjectNode) event.at("/data/club")).put("awaitingSuccessor", false);
        ((ObjectNode) event.at("/data/club")).putNull("districtCode");
        placement(event, "2025-07-10", null, "05443", null);
        String club = publish(event);
        post(ADMIN, cash(club, "2025-07-15")).statusCode(201).body("communeCode", equalTo("05443")).body("districtCode", nullValue());
        post(ADMIN, cash(club, "2025-07-15", "communeCode", "05482")).statusCode(400).body("errors[0].field", equalTo("communeCode"));
        post(Tokens.areaOfficer("05443"), cash(club, "2025-07-16")).statusCode(201);
        post(Tokens.areaOfficer("05482"), cash(club, "2025-07-16")).statusCode(403);
    }

    @Test
    void aClubOfDistrict164SitsInCommune05443FromTheReform() {
        UUID id = UUID.randomUUID();
        ObjectNode event = RegistryEvents.club(id, 1, "164", "05437", "2019-03-15", null);
        placement(event, "2019-03-15", Reform.DAY, "05437", "164");
        placement(event, Reform.DAY, null, "05443", null);
        String club = publish(event);
        post(ADMIN, cash(club, "2024-06-01")).statusCode(201).body("districtCode", equalTo("164")).body("communeCode", nullValue());
        post(ADMIN, cash(club, "2025-08-01")).statusCode(201).body("districtCode", nullValue()).body("communeCode", equalTo("05443"));
        post(Tokens.districtOfficer("164"), cash(club, "2025-08-02")).statusCode(403);
    }

    @Test
    void aClubAwaitingASuccessorCountsForTheProvinceUntilOneIsChosen() {
        UUID id = UUID.randomUUID();
        ObjectNode event = RegistryEvents.club(id, 1, "164", "05461", "2019-03-15", null);
        placement(event, "2019-03-15", Reform.DAY, "05461", "164");
        placement(event, Reform.DAY, null, null, null);
        ((ObjectNode) event.at("/data/club")).put("awaitingSuccessor", true);
        String club = publish(event);
        post(ADMIN, cash(club, "2025-08-01")).statusCode(201).body("districtCode", nullValue()).body("communeCode", nullValue());
        post(ADMIN, cash(club, "2025-08-01", "communeCode", "05443")).statusCode(400).body("errors[0].field", equalTo("communeCode"));
        post(Tokens.areaOfficer("05443"), cash(club, "2025-08-02")).statusCode(403);
    }

    /** Adds a placement to a club snapshot, as registry derives them (schema club-snapshot.v1). */
    static void placement(ObjectNode event, String from, String until, String commune, String district) {
        ArrayNode placements = event.at("/data/club").has("placements") ? (ArrayNode) event.at("/data/club/placements")
                : ((ObjectNode) event.at("/data/club")).putArray("placements");
        ObjectNode p = placements.addObject();
        p.put("from", from);
        p.put("until", until);
        p.put("communeCode", commune);
        p.put("districtCode", district);
        p.put("provinceCode", "19");
    }

    /** Publishes the snapshot and waits until funding knows the club (a dead-lettered snapshot never would be). */
    private String publish(ObjectNode event) {
        String id = event.path("aggregateId").asText();
        EventSender.send("registry.club-snapshots.v1", id, event.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String clubError = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("Accept-Language", "en")
                    .body(cash(id, "2099-01-01")).post("/api/v1/contributions").then().statusCode(400)
                    .extract().path("errors.find { it.field == 'clubId' }.message");
            return clubError == null || !clubError.startsWith("Registry knows no club");
        });
        return id;
    }
}
