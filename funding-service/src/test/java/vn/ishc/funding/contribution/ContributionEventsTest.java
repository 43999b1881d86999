package vn.ishc.funding.contribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.ishc.funding.support.Registry;
import vn.ishc.testkit.contract.EventSchemas;
import vn.ishc.testkit.kafka.TopicReader;
import vn.ishc.testkit.stack.Tokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Contributions and pledges go out as keyed, versioned snapshots without the donor's name or contacts. */
@QuarkusTest
class ContributionEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRecordedThenReversedContributionIsPublishedTwice() throws Exception {
        Registry.districtsKnown();
        String admin = Tokens.provinceAdmin();
        String name = "Nguyễn Văn Hảo " + UUID.randomUUID().toString().substring(0, 6);
        String donor = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", name, "type", "INDIVIDUAL", "phone", "0912111222", "email", "hao@example.vn"))
                .post("/api/v1/donors").then().statusCode(201).extract().path("id");
        String id = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("donorId", donor, "form", "CASH", "amountVnd", 2_500_000, "receivedOn", "2019-05-20", "districtCode", "169"))
                .post("/api/v1/contributions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reversedOn", "2019-06-01", "reason", "Trùng phiếu"))
                .post("/api/v1/contributions/" + id + "/reversal").then().statusCode(200);

        List<ConsumerRecord<String, String>> ours = TopicReader.readUntil("funding.contributions.v1",
                read -> read.stream().filter(r -> id.equals(r.key())).count() >= 2, Duration.ofSeconds(20))
                .stream().filter(r -> id.equals(r.key())).toList();
        assertEquals(2, ours.size());
        for (int i = 0; i < 2; i++) {
            String payload = ours.get(i).value();
            assertEquals(Set.of(), EventSchemas.violations("contribution-snapshot.v1.json", payload));
            assertFalse(payload.contains(name) || payload.contains("0912111222") || payload.contains("hao@example.vn"), payload);
            JsonNode event = JSON.readTree(payload);
            assertEquals(i + 1, event.get("aggregateVersion").asLong());
            assertEquals("INDIVIDUAL", event.at("/data/donorType").asText());
        }
        assertEquals("REVERSED", JSON.readTree(ours.get(1).value()).at("/data/contribution/status").asText());

        String pledge = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("donorId", donor, "amountVnd", 9_000_000, "pledgedOn", "2019-03-01"))
                .post("/api/v1/pledges").then().statusCode(201).extract().path("id");
        List<ConsumerRecord<String, String>> pledges = TopicReader.readUntil("funding.pledges.v1",
                read -> read.stream().anyMatch(r -> pledge.equals(r.key())), Duration.ofSeconds(20));
        String payload = pledges.stream().filter(r -> pledge.equals(r.key())).findFirst().orElseThrow().value();
        assertEquals(Set.of(), EventSchemas.violations("pledge-snapshot.v1.json", payload));
        assertFalse(payload.contains(name), payload);
    }
}
