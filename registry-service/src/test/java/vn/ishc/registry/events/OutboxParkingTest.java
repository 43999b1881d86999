package vn.ishc.registry.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.ishc.kit.outbox.OutboxEvent;
import vn.ishc.registry.support.Api;
import vn.ishc.testkit.kafka.TopicReader;
import vn.ishc.testkit.stack.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A record Kafka can never take is parked with its reason; the events after it keep flowing. */
@QuarkusTest
class OutboxParkingTest {

    @Test
    void aRecordOverKafkasLimitIsParkedAndLaterEventsStillFlow() {
        UUID tooLarge = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxEvent row = new OutboxEvent();
            row.eventId = tooLarge;
            row.topic = Topics.CLUB_SNAPSHOTS;
            row.recordKey = tooLarge.toString();
            row.payload = "{\"padding\": \"" + "x".repeat(1_200_000) + "\"}";
            row.createdAt = Instant.now();
            row.persist();
        });
        String club = Api.club(Tokens.provinceAdmin(), "05437", "2018-03-15");
        try {
            List<ConsumerRecord<String, String>> records = TopicReader.readUntil(Topics.CLUB_SNAPSHOTS,
                    read -> read.stream().anyMatch(r -> club.equals(r.key())), Duration.ofSeconds(30));
            assertTrue(records.stream().anyMatch(r -> club.equals(r.key())), "the club registered after the bad row is published");
            await().atMost(Duration.ofSeconds(20)).until(() -> parkedAt(tooLarge) != null);

            given().auth().oauth2(Tokens.provinceAdmin()).when().get("/api/v1/admin/outbox/parked")
                    .then().statusCode(200)
                    .body("eventId", hasItem(tooLarge.toString()))
                    .body("find { it.eventId == '" + tooLarge + "' }.reason", startsWith("RecordTooLargeException"));
            given().auth().oauth2(Tokens.districtOfficer("164")).when().get("/api/v1/admin/outbox/parked").then().statusCode(403);
            given().when().get("/q/metrics").then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("ishc_outbox_parked_events 1.0"));

            // Re-driven without a fix, Kafka refuses it again, and it is parked again rather than lost.
            given().auth().oauth2(Tokens.provinceAdmin()).when().post("/api/v1/admin/outbox/parked/redrive")
                    .then().statusCode(200).body("events", org.hamcrest.Matchers.equalTo(1));
            await().atMost(Duration.ofSeconds(20)).until(() -> parkedAt(tooLarge) != null);
            assertNotNull(parkedAt(tooLarge));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> OutboxEvent.delete("eventId", tooLarge));
        }
    }

    private static Instant parkedAt(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>find("eventId", eventId).firstResult().parkedAt);
    }
}
