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
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The club norms on a date: 50–70 active members, 60–70% women, 60–70% older people, and all three. */
@QuarkusTest
class ClubNormsTest {

    static final String NORMS = "/api/v1/programmes/TN-ISHC-2017-2020/progress/norms";
    static final String DAY = "2019-06-30";
    static final String DISTRICT = "171";

    @Test
    void clubsAreCountedAgainstEachNormOnTheDate() {
        EventSender.send(Topics.ADMIN_UNITS, DISTRICT,
                RegistryEvents.adminUnit(DISTRICT, "Đại Từ", "Huyện Đại Từ", "DISTRICT", "huyen", "19").toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> norms().getList("districts.code").contains(DISTRICT));
        List<Long> before = counts(norms(), DISTRICT);

        // 50 members, 30 women, 30 older: meets all three norms (the 60% edges included).
        send(club(30, 20, 30, 0, "2016-03-01", null));
        // 10 members, 7 women (70%), 6 older (60%): too small.
        send(club(7, 3, 6, 0, "2018-03-01", null));
        // 71 members, 43 women (60.6%), nobody older; 5 more left before the date and do not count.
        send(club(43, 28, 0, 5, "2018-03-01", null));
        // Closed on the date: not active, not counted.
        send(club(30, 20, 30, 0, "2017-03-01", DAY));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Long> after = counts(norms(), DISTRICT);
            // clubs, size, women, older, all
            assertEquals(List.of(3L, 1L, 3L, 2L, 1L), List.of(after.get(0) - before.get(0), after.get(1) - before.get(1),
                    after.get(2) - before.get(2), after.get(3) - before.get(3), after.get(4) - before.get(4)));
        });
        JsonPath norms = norms();
        long districtsClubs = norms.getList("districts.clubs", Long.class).stream().mapToLong(Long::longValue).sum();
        assertEquals(districtsClubs, norms.getLong("province.clubs"), "the province is the sum of its districts");
    }

    /** A club snapshot: women and men, of whom {@code older} (women first) were born in 1950, the rest in 1990. */
    private static ObjectNode club(int women, int men, int older, int leftBefore, String establishedOn, String closedOn) {
        ObjectNode event = RegistryEvents.club(UUID.randomUUID(), 1, DISTRICT, "05761", establishedOn, closedOn);
        int members = women + men;
        for (int i = 0; i < members; i++) {
            RegistryEvents.member(event, i < women ? "FEMALE" : "MALE", null, i < older ? 1950 : 1990, "NONE", "2018-04-01", null);
        }
        for (int i = 0; i < leftBefore; i++) {
            RegistryEvents.member(event, "MALE", null, 1950, "NONE", "2018-04-01", "2019-01-01");
        }
        return event;
    }

    private static void send(ObjectNode event) {
        EventSender.send(Topics.CLUB_SNAPSHOTS, event.path("aggregateId").asText(), event.toString());
    }

    private static JsonPath norms() {
        return given().auth().oauth2(Tokens.viewer()).queryParam("asOf", DAY).get(NORMS).then().statusCode(200).extract().jsonPath();
    }

    private static List<Long> counts(JsonPath norms, String district) {
        String area = "districts.find { it.code == '" + district + "' }.";
        return List.of(norms.getLong(area + "clubs"), norms.getLong(area + "size"), norms.getLong(area + "women"),
                norms.getLong(area + "older"), norms.getLong(area + "all"));
    }
}
