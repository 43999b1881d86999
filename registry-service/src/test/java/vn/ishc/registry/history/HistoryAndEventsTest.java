package vn.ishc.registry.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.ishc.registry.events.Topics;
import vn.ishc.registry.support.Api;
import vn.ishc.testkit.contract.EventSchemas;
import vn.ishc.testkit.kafka.TopicReader;
import vn.ishc.testkit.stack.Tokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every change is in the history with its actor, and goes out as exactly one new club snapshot. */
@QuarkusTest
class HistoryAndEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyChangeIsRecordedAndPublishedOnce() throws Exception {
        String officer = Tokens.districtOfficer("164");
        String club = Api.club(officer, "05437", "2018-03-15");
        String name = Api.uniqueName("Phạm Thị Mai");
        String member = Api.addMember(officer, club, Api.member("fullName", name, "phone", "0912000111", "ethnicMinority", true));
        given().auth().oauth2(Tokens.provinceAdmin()).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "\"2\"")
                .body(Map.of("hamlet", "Xóm Mới")).patch("/api/v1/clubs/" + club).then().statusCode(200);
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("leftOn", "2019-05-01", "reason", "Chuyển đi"))
                .post("/api/v1/clubs/" + club + "/members/" + member + "/departure").then().statusCode(200);

        JsonPath history = given().auth().oauth2(officer).when().get("/api/v1/clubs/" + club + "/history")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("REGISTERED", "JOINED", "MEMBER_JOINED", "UPDATED", "LEFT", "MEMBER_LEFT"), history.getList("action"));
        assertEquals(List.of("test-district-officer-164", "test-district-officer-164", "test-district-officer-164",
                "test-province-admin", "test-district-officer-164", "test-district-officer-164"), history.getList("actor"));
        assertEquals("Xóm Mới", history.getString("find { it.action == 'UPDATED' }.changes.hamlet.to"));
        assertEquals(name, history.getString("find { it.action == 'JOINED' }.changes.fullName.to"));
        assertEquals("2019-05-01", history.getString("find { it.action == 'LEFT' }.changes.leftOn.to"));

        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/clubs/" + club + "/history").then().statusCode(403);
        given().auth().oauth2(Tokens.districtOfficer("165")).when().get("/api/v1/clubs/" + club + "/history").then().statusCode(403);

        // Four changes to the club or its members: versions 1..4, one snapshot each, no personal data.
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(Topics.CLUB_SNAPSHOTS,
                read -> read.stream().filter(r -> club.equals(r.key())).count() >= 4, Duration.ofSeconds(20));
        List<ConsumerRecord<String, String>> ours = records.stream().filter(r -> club.equals(r.key())).toList();
        assertEquals(4, ours.size());
        for (int i = 0; i < ours.size(); i++) {
            String payload = ours.get(i).value();
            assertEquals(Set.of(), EventSchemas.violations("club-snapshot.v1.json", payload));
            assertEquals(i + 1, JSON.readTree(payload).get("aggregateVersion").asLong());
            assertFalse(payload.contains(name) || payload.contains("0912000111") || payload.contains("ethnic"), payload);
        }
        JsonNode last = JSON.readTree(ours.get(3).value());
        assertEquals(member, last.at("/data/members/0/memberId").asText());
        assertEquals("2019-05-01", last.at("/data/members/0/leftOn").asText());
        assertEquals("Xóm Mới", last.at("/data/club/hamlet").asText());
        assertTrue(last.at("/data/members/0/birthYear").isInt());
    }
}
