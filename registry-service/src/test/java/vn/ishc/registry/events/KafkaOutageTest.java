package vn.ishc.registry.events;

import vn.ishc.kit.outbox.OutboxEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.ishc.registry.support.Api;
import vn.ishc.registry.support.KafkaOutage;
import vn.ishc.testkit.kafka.TopicReader;
import vn.ishc.testkit.stack.Tokens;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Writes succeed while Kafka is away; once it is back, every event arrives, in order. */
@QuarkusTest
class KafkaOutageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theOutboxHoldsEventsUntilKafkaReturns() throws Exception {
        String officer = Tokens.districtOfficer("164");
        KafkaOutage.stopBroker();
        String club;
        try {
            club = Api.club(officer, "05437", "2018-03-15");
            Api.addMember(officer, club, Api.member());
            Api.addMember(officer, club, Api.member("gender", "MALE"));
            // Give the relay time to try, and fail, against the missing broker.
            Thread.sleep(3_000);
            String clubId = club;
            long waiting = QuarkusTransaction.requiringNew().call(() ->
                    OutboxEvent.count("recordKey = ?1 and publishedAt is null", clubId));
            assertEquals(3, waiting, "the three changes wait in the outbox");
            // The write API stays ready while the broker is away: the outbox is what covers for it.
            await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.FALSE.equals(io.restassured.RestAssured.given()
                    .when().get("/q/health/ready").then().statusCode(200)
                    .extract().path("checks.find { it.name == 'outbox' }.data.kafkaReachable")));
        } finally {
            KafkaOutage.startBroker();
        }

        String clubId = club;
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.count("recordKey = ?1 and publishedAt is null", clubId)) == 0);
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(Topics.CLUB_SNAPSHOTS,
                read -> read.stream().filter(r -> clubId.equals(r.key())).map(r -> eventId(r.value())).distinct().count() >= 3,
                Duration.ofSeconds(30));
        // Delivery is at least once: a record whose acknowledgement was lost while the broker came back
        // may be published again, and a copy sent while the broker was coming back may land before
        // the retry of an earlier one. Consumers drop repeats and older versions, so what counts is
        // that each event arrives, and that the last copies arrive in the order the changes were made.
        Map<String, Long> lastCopies = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            if (clubId.equals(record.key())) {
                JsonNode event = JSON.readTree(record.value());
                lastCopies.remove(event.get("eventId").asText());
                lastCopies.put(event.get("eventId").asText(), event.get("aggregateVersion").asLong());
            }
        }
        assertEquals(List.of(1L, 2L, 3L), List.copyOf(lastCopies.values()), "each event, the last copies in order");
    }

    private static String eventId(String json) {
        try {
            return JSON.readTree(json).get("eventId").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
