package vn.ishc.funding.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;
import vn.ishc.testkit.kafka.EventSender;
import vn.ishc.testkit.stack.Tokens;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Plays registry's part after its 2025 reform migration, for the units funding's tests use: the nine
 * districts end on 2025-07-01 (names unchanged, as {@link Registry} publishes them), 05443 and 05482
 * are old communes of district 164 until then and communes directly under province 19 from then on
 * (a reused code: two periods of one code). Nothing else in funding's tests is dated from 2025 on.
 */
public final class Reform {

    public static final String DAY = "2025-07-01";
    /** Newer than anything {@link Registry} publishes, so its later events never undo the reform. */
    private static final long VERSION = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean published;

    private Reform() {
    }

    public static synchronized void known() {
        Registry.districtsKnown();
        if (published) {
            return;
        }
        send("19", period("19", "Thái Nguyên", "Tỉnh Thái Nguyên", "PROVINCE", "tinh", null, null, null));
        for (String district : Registry.DISTRICTS) {
            send(district, period(district, "Huyện " + district, "Huyện " + district, "DISTRICT", "huyen", "19", null, DAY));
        }
        send("05443", period("05443", "Trưng Vương", "Phường Trưng Vương", "COMMUNE", "phuong", "164", null, DAY),
                period("05443", "Phan Đình Phùng", "Phường Phan Đình Phùng", "COMMUNE", "phuong", "19", DAY, null));
        send("05482", period("05482", "Quang Vinh", "Phường Quang Vinh", "COMMUNE", "phuong", "164", null, DAY),
                period("05482", "Quan Triều", "Phường Quan Triều", "COMMUNE", "phuong", "19", DAY, null));
        // Applied when the areas in force on the reform day are the two communes and no district.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonPath stats = given().auth().oauth2(Tokens.viewer()).queryParam("asOf", DAY).get("/api/v1/stats").then().statusCode(200)
                    .extract().jsonPath();
            return stats.getList("areas.code").equals(List.of("05443", "05482", "19"));
        });
        published = true;
    }

    /** A unit's period as registry publishes it (schema admin-unit-snapshot.v1). */
    public static ObjectNode period(String code, String name, String fullName, String level, String type, String parent, String from,
                                     String to) {
        ObjectNode period = JSON.createObjectNode();
        period.put("code", code);
        period.put("name", name);
        period.put("fullName", fullName);
        period.put("level", level);
        period.put("unitType", type);
        period.put("parentCode", parent);
        period.put("validFrom", from);
        period.put("validTo", to);
        period.putArray("successors");
        return period;
    }

    /** A unit's event with all its periods, newer than any that {@link Registry} publishes. */
    public static ObjectNode unit(String code, ObjectNode... periods) {
        ObjectNode data = JSON.createObjectNode();
        data.put("code", code);
        ArrayNode list = data.putArray("periods");
        for (ObjectNode period : periods) {
            list.add(period);
        }
        return RegistryEvents.envelope(UUID.randomUUID(), "AdminUnitSnapshot", code, VERSION, data);
    }

    private static void send(String code, ObjectNode... periods) {
        EventSender.send("registry.admin-units.v1", code, unit(code, periods).toString());
    }
}
