package vn.ishc.reporting.progress;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.ishc.reporting.config.Topics;
import vn.ishc.reporting.support.RegistryEvents;
import vn.ishc.testkit.kafka.EventSender;
import vn.ishc.testkit.stack.Tokens;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Below a district: its communes in force on the date, each with its active clubs and their members. */
@QuarkusTest
class CommuneDrillDownTest {

    static final String DISTRICT = "173";
    static final String COVERED = "05908";
    static final String NOT_COVERED = "05911";
    static final String PATH = "/api/v1/programmes/TN-ISHC-2017-2020/progress/districts/" + DISTRICT + "/communes";

    @Test
    void communesListTheirActiveClubsAndViewersDoNotSeeSmallCounts() {
        EventSender.send(Topics.ADMIN_UNITS, DISTRICT,
                RegistryEvents.adminUnit(DISTRICT, "Phú Bình", "Huyện Phú Bình", "DISTRICT", "huyen", "19").toString());
        EventSender.send(Topics.ADMIN_UNITS, COVERED,
                RegistryEvents.adminUnit(COVERED, "Hương Sơn", "Thị trấn Hương Sơn", "COMMUNE", "thi-tran", DISTRICT).toString());
        EventSender.send(Topics.ADMIN_UNITS, NOT_COVERED,
                RegistryEvents.adminUnit(NOT_COVERED, "Bàn Đạt", "Xã Bàn Đạt", "COMMUNE", "xa", DISTRICT).toString());

        UUID big = UUID.randomUUID();
        ObjectNode bigClub = RegistryEvents.club(big, 1, DISTRICT, COVERED, "2017-05-01", null);
        for (int i = 0; i < 6; i++) {
            RegistryEvents.member(bigClub, i < 4 ? "FEMALE" : "MALE", null, i < 5 ? 1950 : 1990, "NONE", "2017-06-01", null);
        }
        RegistryEvents.member(bigClub, "FEMALE", null, 1950, "NONE", "2017-06-01", "2019-01-01"); // left before the date
        UUID small = UUID.randomUUID();
        ObjectNode smallClub = RegistryEvents.club(small, 1, DISTRICT, COVERED, "2018-02-01", null);
        for (int i = 0; i < 3; i++) {
            RegistryEvents.member(smallClub, "FEMALE", null, 1950, "NONE", "2018-03-01", null);
        }
        ObjectNode closed = RegistryEvents.club(UUID.randomUUID(), 1, DISTRICT, COVERED, "2017-05-01", "2019-06-30");
        for (ObjectNode club : new ObjectNode[] {bigClub, smallClub, closed}) {
            EventSender.send(Topics.CLUB_SNAPSHOTS, club.path("aggregateId").asText(), club.toString());
        }

        String covered = "communes.find { it.code == '" + COVERED + "' }";
        await().atMost(Duration.ofSeconds(20)).until(() -> communes(Tokens.districtOfficer(DISTRICT)).getList(covered + ".clubs.id")
                .containsAll(java.util.List.of(big.toString(), small.toString()))
                // administrative units and clubs come on different topics: wait for both
                && communes(Tokens.districtOfficer(DISTRICT)).get("communes.find { it.code == '" + NOT_COVERED + "' }") != null);
        JsonPath officer = communes(Tokens.districtOfficer(DISTRICT));
        // The district is named as progress names it (other tests rename it: only the name in force matters).
        assertEquals(vn.ishc.reporting.support.ProgressClient.progress("2019-06-30").getString("districts.find { it.code == '" + DISTRICT + "' }.name"),
                officer.getString("district.name"));
        assertEquals("Thị trấn Hương Sơn", officer.getString(covered + ".name"));
        String bigRow = covered + ".clubs.find { it.id == '" + big + "' }";
        assertEquals(6, officer.getInt(bigRow + ".members"));
        assertEquals(5, officer.getInt(bigRow + ".older"));
        assertEquals(4, officer.getInt(bigRow + ".women"));
        assertEquals(3, officer.getInt(covered + ".clubs.find { it.id == '" + small + "' }.members"));
        assertEquals(0, officer.getInt("communes.find { it.code == '" + NOT_COVERED + "' }.clubsActive"), "listed, with no club yet");

        JsonPath viewer = communes(Tokens.viewer());
        assertNull(viewer.get(covered + ".clubs.find { it.id == '" + small + "' }.members"), "1 to 4 people are not shown to a viewer");
        assertEquals(6, viewer.getInt(bigRow + ".members"));

        given().auth().oauth2(Tokens.viewer()).queryParam("asOf", "2019-06-30")
                .get("/api/v1/programmes/TN-ISHC-2017-2020/progress/districts/999/communes").then().statusCode(404);
    }

    private static JsonPath communes(String token) {
        return given().auth().oauth2(token).queryParam("asOf", "2019-06-30").get(PATH).then().statusCode(200).extract().jsonPath();
    }
}
