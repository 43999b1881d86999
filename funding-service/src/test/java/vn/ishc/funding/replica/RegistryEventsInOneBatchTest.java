package vn.ishc.funding.replica;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ishc.funding.support.Registry;
import vn.ishc.funding.support.RegistryEvents;
import vn.ishc.testkit.kafka.EventSender;
import vn.ishc.testkit.kafka.TopicReader;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Registry's events published together arrive in one poll and are applied in one transaction, each
 * with the outcome it would have had alone: the newest version wins, an older one and a redelivery
 * change nothing, and a record that is not an event goes to the dead-letter topic without stalling the others.
 */
@QuarkusTest
class RegistryEventsInOneBatchTest {

    static final String CLUBS = "registry.club-snapshots.v1";

    @Inject
    RegistryReplica replica;

    @Inject
    EntityManager em;

    @BeforeEach
    void setUp() {
        Registry.districtsKnown();
    }

    @Test
    void aBatchKeepsTheNewestVersionAndSetsAsideOnlyTheUnreadableRecord() {
        UUID id = UUID.randomUUID();
        ObjectNode first = RegistryEvents.club(id, 1, "164", "05437", "2019-03-15", null);
        ObjectNode newest = RegistryEvents.club(id, 3, "164", "05437", "2019-03-15", "2020-06-30");
        ObjectNode older = RegistryEvents.club(id, 2, "165", "05500", "2019-04-01", null);
        String poison = "not an event " + UUID.randomUUID();
        double deadLettersBefore = metric("ishc_replica_dead_letters_total", CLUBS, null);
        double staleBefore = metric("ishc_replica_events_total", CLUBS, "STALE");
        double duplicatesBefore = metric("ishc_replica_events_total", CLUBS, "DUPLICATE");
        double agesBefore = metric("ishc_replica_event_age_seconds_count", CLUBS, null);

        EventSender.sendTogether(CLUBS, id.toString(), first.toString(), newest.toString(), poison, older.toString(), first.toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> recordedAt(eventId(older)).isPresent());
        RegistryReplica.ClubFacts club = inTransaction(() -> replica.club(id)).orElseThrow();
        assertEquals(LocalDate.parse("2020-06-30"), club.closedOn(), "the newest version holds");
        assertEquals(LocalDate.parse("2019-03-15"), club.establishedOn());
        assertEquals("164", club.placementOn(LocalDate.parse("2020-01-01")).districtCode(), "the older version changed nothing");
        assertEquals(3L, storedVersion(id));
        assertEquals(recordedAt(eventId(first)), recordedAt(eventId(newest)), "one transaction for the batch");
        assertEquals(recordedAt(eventId(first)), recordedAt(eventId(older)), "one transaction for the batch");

        List<ConsumerRecord<String, String>> letters = TopicReader.readUntil("funding.dead-letter.v1",
                read -> read.stream().anyMatch(r -> poison.equals(r.value())), Duration.ofSeconds(30));
        ConsumerRecord<String, String> letter = letters.stream().filter(r -> poison.equals(r.value())).findFirst().orElseThrow();
        assertEquals(CLUBS, new String(letter.headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertEquals(deadLettersBefore + 1, metric("ishc_replica_dead_letters_total", CLUBS, null), "only the unreadable record");
            assertEquals(staleBefore + 1, metric("ishc_replica_events_total", CLUBS, "STALE"));
            assertEquals(duplicatesBefore + 1, metric("ishc_replica_events_total", CLUBS, "DUPLICATE"));
            // the stage timer (how old each event was when its batch committed) counts the four readable records
            assertEquals(agesBefore + 4, metric("ishc_replica_event_age_seconds_count", CLUBS, null));
        });
    }

    @Test
    void aSnapshotTheReplicaCannotHoldIsSetAsideEvenWhenANewerOneFollowsInTheBatch() {
        UUID id = UUID.randomUUID();
        ObjectNode registered = RegistryEvents.club(id, 1, "164", "05437", "2019-03-15", null);
        // No district code is that long: set aside as when applied alone, though the newer snapshot would replace it unwritten.
        ObjectNode tooLong = RegistryEvents.club(id, 2, "164164", "05437", "2019-03-15", null);
        ObjectNode closed = RegistryEvents.club(id, 3, "164", "05437", "2019-03-15", "2021-01-31");
        double deadLettersBefore = metric("ishc_replica_dead_letters_total", CLUBS, null);

        EventSender.sendTogether(CLUBS, id.toString(), registered.toString(), tooLong.toString(), closed.toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> storedVersion(id) == 3L);
        assertEquals(LocalDate.parse("2021-01-31"), inTransaction(() -> replica.club(id)).orElseThrow().closedOn());
        assertTrue(recordedAt(eventId(tooLong)).isEmpty(), "the record set aside is not recorded as applied");
        List<ConsumerRecord<String, String>> letters = TopicReader.readUntil("funding.dead-letter.v1",
                read -> read.stream().anyMatch(r -> tooLong.toString().equals(r.value())), Duration.ofSeconds(30));
        assertTrue(letters.stream().anyMatch(r -> tooLong.toString().equals(r.value())));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertEquals(deadLettersBefore + 1, metric("ishc_replica_dead_letters_total", CLUBS, null)));
    }

    @Test
    void anOlderVersionOfAUnitInTheSameBatchChangesNothing() {
        String code = "9" + (int) (Math.random() * 9000 + 1000);
        ObjectNode newest = RegistryEvents.adminUnit(code, "Mới", "Xã Mới", "COMMUNE", "xa", "990");
        newest.put("aggregateVersion", 5);
        ObjectNode older = RegistryEvents.adminUnit(code, "Cũ", "Xã Cũ", "COMMUNE", "xa", "990");
        older.put("aggregateVersion", 4);

        EventSender.sendTogether("registry.admin-units.v1", code, newest.toString(), older.toString(), newest.toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> recordedAt(eventId(older)).isPresent());
        assertEquals("Xã Mới (" + code + ")", inTransaction(() -> replica.areaLabel(code)));
        assertEquals(1L, ((Number) inTransaction(() -> em.createNativeQuery("select count(*) from admin_unit_replica where code = :code")
                .setParameter("code", code).getSingleResult())).longValue(), "the unit's periods are written once");
    }

    private static UUID eventId(ObjectNode event) {
        return UUID.fromString(event.path("eventId").asText());
    }

    /** When the event was recorded as seen: the time its transaction started. */
    private Optional<Object> recordedAt(UUID eventId) {
        return inTransaction(() -> em.createNativeQuery("select applied_at from applied_event where event_id = :id")
                .setParameter("id", eventId).getResultStream().findFirst());
    }

    private long storedVersion(UUID id) {
        List<?> versions = inTransaction(() -> em.createNativeQuery("select version from club_replica where id = :id")
                .setParameter("id", id).getResultList());
        return versions.isEmpty() ? 0 : ((Number) versions.get(0)).longValue();
    }

    private static <T> T inTransaction(java.util.function.Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }

    /** A counter of the service's metrics for the topic (and outcome), 0 before it was first counted. */
    private static double metric(String name, String topic, String outcome) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("^" + name + "\\{([^}]*)} ([0-9.E+-]+)$", Pattern.MULTILINE).matcher(text);
        double sum = 0;
        while (line.find()) {
            String labels = line.group(1);
            if (labels.contains("topic=\"" + topic + "\"") && (outcome == null || labels.contains("outcome=\"" + outcome + "\""))) {
                sum += Double.parseDouble(line.group(2));
            }
        }
        return sum;
    }
}
