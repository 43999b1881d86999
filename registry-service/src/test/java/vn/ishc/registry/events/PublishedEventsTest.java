package vn.ishc.registry.events;

import vn.ishc.kit.outbox.OutboxEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.ishc.testkit.contract.EventSchemas;
import vn.ishc.testkit.kafka.TopicReader;
import vn.ishc.testkit.stack.Tokens;
import vn.ishc.registry.support.Api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What other services receive: keyed, versioned snapshots that match the published schemas. */
@QuarkusTest
class PublishedEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @jakarta.inject.Inject
    vn.ishc.registry.member.MembersOfClubs members;

    @Test
    void aRegisteredClubIsPublishedOnceAsAVersionedSnapshot() throws Exception {
        String name = "CLB Liên thế hệ Hoa Sen " + UUID.randomUUID().toString().substring(0, 6);
        String id = given().auth().oauth2(Tokens.districtOfficer("171")).contentType(ContentType.JSON)
                .body(Map.of("name", name, "communeCode", "05761", "establishedOn", "2017-06-01"))
                .post("/api/v1/clubs").then().statusCode(201).extract().path("id");

        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(Topics.CLUB_SNAPSHOTS,
                read -> read.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(20));
        List<ConsumerRecord<String, String>> ours = records.stream().filter(r -> id.equals(r.key())).toList();
        assertEquals(1, ours.size(), "one snapshot for one change");
        String payload = ours.get(0).value();
        assertEquals(Set.of(), EventSchemas.violations("club-snapshot.v1.json", payload));

        JsonNode event = JSON.readTree(payload);
        assertEquals("ClubSnapshot", event.get("type").asText());
        assertEquals(id, event.get("aggregateId").asText());
        assertEquals(1, event.get("aggregateVersion").asLong());
        assertEquals("171", event.at("/data/club/districtCode").asText());
        assertEquals(name, event.at("/data/club/name").asText());
        assertTrue(event.at("/data/members").isArray());
    }

    @Test
    void aClubsSnapshotListsItsMembersAsTheyAreStoredAfterEachAddition() throws Exception {
        String officer = Tokens.districtOfficer("171");
        String id = Api.club(officer, "05761", "2017-06-01");
        // Joining dates out of order, and eight on one day: the list goes by date, then by id as PostgreSQL orders uuids.
        String[] joined = {"2019-05-01", "2018-01-01", "2019-05-01", "2019-05-01", "2017-07-01", "2019-05-01",
                "2019-05-01", "2018-01-01", "2019-05-01", "2019-05-01"};
        for (String day : joined) {
            Api.addMember(officer, id, Api.member("joinedOn", day));
        }
        long lastVersion = 1 + joined.length;
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(Topics.CLUB_SNAPSHOTS,
                read -> read.stream().anyMatch(r -> id.equals(r.key()) && r.value().contains("\"aggregateVersion\":" + lastVersion)),
                Duration.ofSeconds(20));
        JsonNode last = null;
        for (ConsumerRecord<String, String> record : records) {
            JsonNode event = JSON.readTree(record.value());
            if (id.equals(record.key()) && event.get("aggregateVersion").asLong() == lastVersion) {
                last = event;
            }
        }
        assertTrue(last != null, "the snapshot of the last addition was published");
        List<String> published = new java.util.ArrayList<>();
        last.at("/data/members").forEach(m -> published.add(m.get("memberId").asText() + " " + m.get("joinedOn").asText()));
        List<String> stored = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> members.snapshotFacts(UUID.fromString(id)))
                .stream().map(m -> m.memberId() + " " + m.joinedOn()).toList();
        assertEquals(joined.length, stored.size());
        assertEquals(stored, published);
    }

    @Test
    void everyAdministrativeUnitCodeIsAnnouncedOnTheCompactedTopic() {
        // province 19 + 9 districts + 180 commune codes (all that ever existed since 2017; the 92 communes of 2025 all
        // reuse one of them), and old Bắc Kạn as history: province 06, 8 districts, 108 communes
        int expectedCodes = 190 + 1 + 8 + 108;
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(Topics.ADMIN_UNITS,
                read -> read.stream().map(ConsumerRecord::key).distinct().count() >= expectedCodes, Duration.ofSeconds(30));
        Set<String> codes = records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
        assertEquals(expectedCodes, codes.size());
        for (ConsumerRecord<String, String> record : records) {
            assertEquals(Set.of(), EventSchemas.violations("admin-unit-snapshot.v1.json", record.value()), record.key());
        }
        String phoYen = records.stream().filter(r -> "172".equals(r.key())).findFirst().orElseThrow().value();
        assertTrue(phoYen.contains("\"Thị xã Phổ Yên\"") && phoYen.contains("\"Thành phố Phổ Yên\""), phoYen);
        // The reused code carries both units, the old one naming its successor.
        String code05443 = records.stream().filter(r -> "05443".equals(r.key())).reduce((a, b) -> b).orElseThrow().value();
        assertTrue(code05443.contains("\"Phường Trưng Vương\"") && code05443.contains("\"Phường Phan Đình Phùng\"")
                && code05443.contains("\"successors\":[{\"code\":\"05443\",\"whole\":true}]"), code05443);
    }

    @Test
    void refusedRequestsPublishNothing() {
        long before = OutboxEvent.count();
        given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.JSON)
                .body(Map.of("name", "CLB", "communeCode", "00000", "establishedOn", "2018-01-01"))
                .post("/api/v1/clubs").then().statusCode(400);
        assertEquals(before, OutboxEvent.count());
        assertFalse(OutboxEvent.<OutboxEvent>listAll().stream().anyMatch(e -> e.payload.contains("\"communeCode\":\"00000\"")));
    }
}
