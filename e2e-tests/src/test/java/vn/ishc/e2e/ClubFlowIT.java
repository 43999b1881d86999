package vn.ishc.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The walking skeleton's one flow, across real processes: a district officer registers a club in
 * registry; its snapshot travels through the outbox and Kafka; reporting counts it in its district
 * and the province. A duplicated and a stale event change nothing.
 */
class ClubFlowIT {

    private static final String PROGRESS = "/api/v1/programmes/TN-ISHC-2017-2020/progress";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Suite suite;

    @BeforeAll
    static void startSuite() throws Exception {
        suite = Suite.get();
        // reporting learns the nine districts from registry's admin-unit events; wait until it has them
        String viewer = suite.token("viewer", null);
        await().atMost(Duration.ofSeconds(60)).until(() -> progress(viewer).getList("districts").size() == 9);
    }

    @Test
    void aClubRegisteredInRegistryShowsInTheProvinceTotal() throws Exception {
        String officer = suite.token("district-officer", "164");
        String viewer = suite.token("viewer", null);

        given().when().get(suite.registry.baseUrl() + "/api/v1/clubs/" + UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json");
        JsonPath before = progress(viewer);
        int provinceClubs = before.getInt("province.clubs.active");
        int districtClubs = before.getInt("districts.find { it.code == '164' }.clubs.active");
        int newClubs = before.getInt("province.clubs.new");

        String clubId = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("name", "CLB Liên thế hệ tự giúp nhau phường Túc Duyên", "communeCode", "05437",
                        "establishedOn", "2018-03-15"))
                .when().post(suite.registry.baseUrl() + "/api/v1/clubs")
                .then().statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath progress = progress(viewer);
            assertEquals(provinceClubs + 1, progress.getInt("province.clubs.active"));
            assertEquals(districtClubs + 1, progress.getInt("districts.find { it.code == '164' }.clubs.active"));
        });
        JsonPath progress = progress(viewer);
        assertEquals(9, progress.getList("districts").size(), "all nine districts, from registry's admin-unit events");
        assertEquals("Thành phố Thái Nguyên", progress.getString("districts.find { it.code == '164' }.name"));
        assertEquals(400, progress.getInt("province.targets.clubs"));
        assertEquals(15000, progress.getInt("province.targets.olderMembers"));
        assertEquals(2_000_000_000L, progress.getLong("province.targets.contributionsVnd"));
        assertEquals(newClubs + 1, progress.getInt("province.clubs.new"));
        assertNotNull(progress.getString("freshness.registryThrough"));

        // Replay what registry published: once as it was, once as an older version that says the club closed.
        ConsumerRecord<String, String> published = readSnapshot(clubId);
        ObjectNode stale = (ObjectNode) JSON.readTree(published.value());
        stale.put("eventId", UUID.randomUUID().toString());
        stale.put("aggregateVersion", 0);
        ((ObjectNode) stale.at("/data/club")).put("status", "CLOSED").put("closedOn", "2018-06-01");
        double duplicatesBefore = metric(suite.reporting.baseUrl(), "DUPLICATE");
        double staleBefore = metric(suite.reporting.baseUrl(), "STALE");
        publish(clubId, published.value());
        publish(clubId, stale.toString());

        await().atMost(Duration.ofSeconds(30)).until(() ->
                metric(suite.reporting.baseUrl(), "DUPLICATE") > duplicatesBefore && metric(suite.reporting.baseUrl(), "STALE") > staleBefore);
        JsonPath after = progress(viewer);
        assertEquals(provinceClubs + 1, after.getInt("province.clubs.active"));
        assertEquals(districtClubs + 1, after.getInt("districts.find { it.code == '164' }.clubs.active"));
    }

    @Test
    void aContributionRecordedInFundingShowsInTheDistrictAndProvinceMoney() throws Exception {
        String officer = suite.token("district-officer", "171");
        String viewer = suite.token("viewer", null);
        String clubId = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("name", "CLB Liên thế hệ Hùng Sơn", "communeCode", "05761", "establishedOn", "2017-08-01"))
                .post(suite.registry.baseUrl() + "/api/v1/clubs").then().statusCode(201).extract().path("id");
        String donor = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("name", "Công ty Cổ phần Chè Đại Từ", "type", "BUSINESS"))
                .post(suite.funding.baseUrl() + "/api/v1/donors").then().statusCode(201).extract().path("id");
        long before = progress(viewer).getLong("districts.find { it.code == '171' }.contributions.receivedVnd");

        // funding learns of the club from registry's event; until then it refuses, and the officer retries
        // with the same Idempotency-Key, which can never record the money twice.
        Map<String, Object> contribution = Map.of("donorId", donor, "form", "CASH", "amountVnd", 12_500_000,
                "receivedOn", "2019-04-10", "clubId", clubId);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(officer).contentType(ContentType.JSON)
                .header("Idempotency-Key", "e2e-" + clubId).body(contribution)
                .post(suite.funding.baseUrl() + "/api/v1/contributions").statusCode() == 201);
        given().auth().oauth2(officer).contentType(ContentType.JSON).header("Idempotency-Key", "e2e-" + clubId).body(contribution)
                .post(suite.funding.baseUrl() + "/api/v1/contributions").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(before + 12_500_000,
                progress(viewer).getLong("districts.find { it.code == '171' }.contributions.receivedVnd")));
        assertNotNull(progress(viewer).getString("freshness.fundingThrough"));
    }

    @Test
    void reconciliationMatchesTheSourcesAndNamesEveryDifference() throws Exception {
        String admin = suite.token("province-admin", null);
        String officer = suite.token("district-officer", "173");
        String club = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("name", "CLB Liên thế hệ Hương Sơn", "communeCode", "05941", "establishedOn", "2018-05-01"))
                .post(suite.registry.baseUrl() + "/api/v1/clubs").then().statusCode(201).extract().path("id");
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("fullName", "Đỗ Thị Thu", "gender", "FEMALE", "birthYear", 1950, "householdStatus", "NONE", "joinedOn", "2018-06-01"))
                .post(suite.registry.baseUrl() + "/api/v1/clubs/" + club + "/members").then().statusCode(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(admin).queryParam("asOf", "2019-06-30")
                .get(suite.reporting.baseUrl() + "/api/v1/reconciliation").then().statusCode(200)
                .body("status", equalTo("MATCH")).body("differences.size()", equalTo(0)));
        // The scheduled check (every 3 s in this suite) agrees: no drift today.
        await().atMost(Duration.ofSeconds(30)).until(() -> "MATCH".equals(driftCheck().get("outcome")));

        // A club that reached Kafka but not registry's database (as a forged or misrouted event would):
        // reporting counts it, registry does not, and reconciliation says where.
        UUID ghost = UUID.randomUUID();
        ObjectNode forged = (ObjectNode) JSON.readTree(readSnapshot(club).value());
        forged.put("eventId", UUID.randomUUID().toString());
        forged.put("aggregateId", ghost.toString());
        ((ObjectNode) forged.at("/data/club")).put("id", ghost.toString());
        ((ObjectNode) forged.path("data")).putArray("members");
        publish(ghost.toString(), forged.toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(admin).queryParam("asOf", "2019-06-30")
                .get(suite.reporting.baseUrl() + "/api/v1/reconciliation").then().statusCode(200)
                .body("status", equalTo("MISMATCH"))
                .body("differences.find { it.area == '173' && it.figure == 'clubsActive' }.source", equalTo("registry"))
                .body("differences.find { it.area == '173' && it.figure == 'clubsActive' }.reportingValue", equalTo(
                        given().auth().oauth2(admin).queryParam("asOf", "2019-06-30").get(suite.registry.baseUrl() + "/api/v1/stats")
                                .then().extract().<Integer>path("districts.find { it.code == '173' }.clubsActive") + 1)));
        // The scheduled check sees the drift too: in the readiness details and as a metric.
        // Each programme is checked in turn (2017–2020 and now 2026–2030): wait for this one's result.
        await().atMost(Duration.ofSeconds(30)).until(() -> "MISMATCH".equals(driftCheck().get("outcome"))
                && String.valueOf(driftCheck().get("TN-ISHC-2017-2020")).startsWith("MISMATCH"));
        await().atMost(Duration.ofSeconds(10)).until(() -> gauge("ishc_reconciliation_differences", "TN-ISHC-2017-2020") >= 1);

        // A later version that closes the ghost on the day it was established makes it count nowhere:
        // the figures agree again, and so does the scheduled check.
        forged.put("eventId", UUID.randomUUID().toString());
        forged.put("aggregateVersion", forged.path("aggregateVersion").asLong() + 1);
        ((ObjectNode) forged.at("/data/club")).put("closedOn", forged.at("/data/club/establishedOn").asText()).put("status", "CLOSED");
        publish(ghost.toString(), forged.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> "MATCH".equals(driftCheck().get("outcome")));
        await().atMost(Duration.ofSeconds(10)).until(() -> gauge("ishc_reconciliation_differences", "TN-ISHC-2017-2020") == 0.0);
    }

    /** The data of the "reconciliation" entry in reporting's readiness. */
    private Map<String, Object> driftCheck() {
        return given().get(suite.reporting.baseUrl() + "/q/health/ready").then().statusCode(200).extract().jsonPath()
                .getMap("checks.find { it.name == 'reconciliation' }.data");
    }

    private double gauge(String name, String programme) {
        String text = given().when().get(suite.reporting.baseUrl() + "/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("^" + name + "\\{[^}]*programme=\"" + Pattern.quote(programme) + "\"[^}]*} ([0-9.E]+)$",
                Pattern.MULTILINE).matcher(text);
        assertTrue(line.find(), name + " for " + programme + " in /q/metrics");
        return Double.parseDouble(line.group(1));
    }

    @Test
    void aRebuildReplaysTheTopicsToTheSameFigures() throws Exception {
        String admin = suite.token("province-admin", null);
        String officer = suite.token("district-officer", "170");
        String club = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("name", "CLB Liên thế hệ La Hiên", "communeCode", "05719", "establishedOn", "2016-11-20"))
                .post(suite.registry.baseUrl() + "/api/v1/clubs").then().statusCode(201).extract().path("id");
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("fullName", "Hoàng Văn Sáu", "gender", "MALE", "birthDate", "1958-03-02", "householdStatus", "POOR",
                        "householdStatusYear", 2018, "joinedOn", "2017-01-05"))
                .post(suite.registry.baseUrl() + "/api/v1/clubs/" + club + "/members").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                progress(admin).getInt("districts.find { it.code == '170' }.members.active") >= 1);
        Map<String, Object> before = progress(admin).getMap("province");

        given().auth().oauth2(suite.token("viewer", null)).post(suite.reporting.baseUrl() + "/api/v1/admin/rebuild").then().statusCode(403);
        long generation = given().auth().oauth2(admin).post(suite.reporting.baseUrl() + "/api/v1/admin/rebuild").then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.notNullValue())
                .body("state", equalTo("REPLAYING")).body("finishedAt", org.hamcrest.Matchers.nullValue())
                .extract().jsonPath().getLong("generation");

        // The replay runs beside the live figures and switches in once caught up. It does not go through the live
        // consumers (their metrics stay), so its own count says it replayed at least every administrative unit (190 codes).
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                !"REPLAYING".equals(rebuild(admin).getString("state")));
        JsonPath done = rebuild(admin);
        assertEquals(generation, done.getLong("generation"), done.prettify());
        assertEquals("SWITCHED", done.getString("state"), done.prettify());
        assertNotNull(done.getString("finishedAt"), done.prettify());
        assertTrue(done.getLong("eventsReplayed") >= 190, done.prettify());
        // The figures come back the same.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(before, progress(admin).getMap("province")));
        assertEquals(9, progress(admin).getList("districts").size());
    }

    private static JsonPath rebuild(String admin) {
        return given().auth().oauth2(admin).get(suite.reporting.baseUrl() + "/api/v1/admin/rebuild").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath progress(String token) {
        return given().auth().oauth2(token).queryParam("asOf", "2019-06-30")
                .when().get(suite.reporting.baseUrl() + PROGRESS)
                .then().statusCode(200).body("asOf", equalTo("2019-06-30")).extract().jsonPath();
    }

    private static ConsumerRecord<String, String> readSnapshot(String clubId) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("registry.club-snapshots.v1"));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (clubId.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("registry never published club " + clubId);
    }

    private static void publish(String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("registry.club-snapshots.v1", key, value)).get();
        }
    }

    /** reporting's count of club snapshot events with the given outcome, from its Prometheus metrics. */
    private static double metric(String baseUrl, String outcome) {
        return metric(baseUrl, outcome, "registry.club-snapshots.v1");
    }

    private static double metric(String baseUrl, String outcome, String topic) {
        String text = given().when().get(baseUrl + "/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("^ishc_projection_events_total\\{[^}]*outcome=\"" + outcome
                + "\"[^}]*topic=\"" + Pattern.quote(topic) + "\"[^}]*} ([0-9.E]+)$", Pattern.MULTILINE).matcher(text);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
