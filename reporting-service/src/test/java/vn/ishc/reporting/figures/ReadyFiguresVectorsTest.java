package vn.ishc.reporting.figures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.ishc.reporting.config.Topics;
import vn.ishc.reporting.support.FundingEvents;
import vn.ishc.reporting.support.ProgressClient;
import vn.ishc.reporting.support.RegistryEvents;
import vn.ishc.testkit.counting.CountingRuleVectors;
import vn.ishc.testkit.counting.CountingRuleVectors.Vector;
import vn.ishc.testkit.kafka.EventSender;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.ishc.testkit.counting.CountingRuleVectors.text;

/**
 * reporting's ready figures, as progress shows them, give every figure of every shared vector
 * (contracts/counting-rules): the vector arrives as registry's and funding's events, and progress
 * on its date must move by exactly its figures.
 */
@QuarkusTest
class ReadyFiguresVectorsTest {

    /** The vector's figure names and where progress shows them. */
    static final Map<String, String> FIGURES = Map.ofEntries(
            Map.entry("clubsActive", "clubs.active"), Map.entry("clubsNew", "clubs.new"), Map.entry("clubsMaintained", "clubs.maintained"),
            Map.entry("membersActive", "members.active"), Map.entry("membersOlder", "members.older"),
            Map.entry("membersWomen", "members.women"), Map.entry("membersPoor", "members.poor"),
            Map.entry("membersNearPoor", "members.nearPoor"), Map.entry("membersHardship", "members.hardship"),
            Map.entry("receivedVnd", "contributions.receivedVnd"), Map.entry("pledgedOutstandingVnd", "contributions.pledgedOutstandingVnd"));

    static List<Vector> vectors() {
        return CountingRuleVectors.all();
    }

    @BeforeEach
    void districts() {
        EventSender.send(Topics.ADMIN_UNITS, "164", RegistryEvents.adminUnit("164", "Thái Nguyên", "Thành phố Thái Nguyên", "DISTRICT",
                "thanh-pho", "19").toString());
        EventSender.send(Topics.ADMIN_UNITS, "165", RegistryEvents.adminUnit("165", "Sông Công", "Thành phố Sông Công", "DISTRICT",
                "thanh-pho", "19").toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> ProgressClient.progress("2019-06-30").getList("districts.code").containsAll(List.of("164", "165")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void progressMovesByTheVectorsFigures(Vector vector) {
        assertEquals("2017-01-01", vector.programmeStart().toString(), "the vectors are run against the programme starting then");
        JsonPath before = ProgressClient.progress(vector.asOf().toString());
        for (JsonNode club : vector.clubs()) {
            UUID id = UUID.randomUUID();
            ObjectNode event = RegistryEvents.club(id, 1, text(club, "district"), text(club, "commune"), text(club, "establishedOn"),
                    text(club, "closedOn"));
            for (JsonNode m : club.path("members")) {
                RegistryEvents.member(event, text(m, "gender"), text(m, "birthDate"),
                        m.path("birthYear").isInt() ? m.path("birthYear").asInt() : null, text(m, "householdStatus"),
                        text(m, "joinedOn"), text(m, "leftOn"));
            }
            EventSender.send(Topics.CLUB_SNAPSHOTS, id.toString(), event.toString());
        }
        Map<String, UUID> pledges = new HashMap<>();
        for (JsonNode p : vector.pledges()) {
            UUID id = UUID.randomUUID();
            pledges.put(text(p, "key"), id);
            EventSender.send(Topics.PLEDGES, id.toString(), FundingEvents.pledge(id, 1, text(p, "district"), p.path("amountVnd").asLong(),
                    text(p, "pledgedOn"), text(p, "cancelledOn")).toString());
        }
        for (JsonNode c : vector.contributions()) {
            UUID id = UUID.randomUUID();
            EventSender.send(Topics.CONTRIBUTIONS, id.toString(), FundingEvents.contribution(id, 1, text(c, "district"),
                    c.path("amountVnd").asLong(), text(c, "receivedOn"), pledges.get(text(c, "pledge")), text(c, "reversedOn")).toString());
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath after = ProgressClient.progress(vector.asOf().toString());
            for (String area : vector.areas()) {
                String path = area.equals("province") ? "province." : "districts.find { it.code == '" + area + "' }.";
                for (Map.Entry<String, String> figure : FIGURES.entrySet()) {
                    var expected = vector.expected(area, figure.getKey());
                    if (expected.isPresent()) {
                        long moved = after.getLong(path + figure.getValue()) - before.getLong(path + figure.getValue());
                        assertEquals(expected.get(), moved, vector + ", " + area + ", " + figure.getKey());
                    }
                }
            }
        });
    }
}
