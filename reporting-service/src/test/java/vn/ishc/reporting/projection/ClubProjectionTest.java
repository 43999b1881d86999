package vn.ishc.reporting.projection;

import vn.ishc.reporting.config.Topics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ishc.reporting.support.RegistryEvents;
import vn.ishc.testkit.kafka.EventSender;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ishc.reporting.support.ProgressClient.district;
import static vn.ishc.reporting.support.ProgressClient.plus;
import static vn.ishc.reporting.support.ProgressClient.province;

/** Registry's club snapshots, applied by the counting rules; duplicates, stale versions and poison change nothing. */
@QuarkusTest
class ClubProjectionTest {

    static final String CLUBS = Topics.CLUB_SNAPSHOTS;

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void adminUnitsAreKnown() {
        EventSender.send(Topics.ADMIN_UNITS, "19", RegistryEvents.adminUnit("19", "Thái Nguyên", "Tỉnh Thái Nguyên", "PROVINCE", "tinh", null).toString());
        EventSender.send(Topics.ADMIN_UNITS, "164", RegistryEvents.adminUnit("164", "Thái Nguyên", "Thành phố Thái Nguyên", "DISTRICT", "thanh-pho", "19").toString());
        EventSender.send(Topics.ADMIN_UNITS, "165", RegistryEvents.adminUnit("165", "Sông Công", "Thành phố Sông Công", "DISTRICT", "thanh-pho", "19").toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> district("2019-06-30", "165").get("clubs.active") != null);
    }

    @Test
    void membersAreCountedOnTheReportingDate() {
        Map<String, Long> before = district("2019-06-30", "165");
        ObjectNode event = RegistryEvents.club(UUID.randomUUID(), 1, "165", "05515", "2018-01-10", null);
        RegistryEvents.member(event, "FEMALE", "1959-06-30", null, "POOR", "2018-02-01", null);      // 60 on the day
        RegistryEvents.member(event, "MALE", null, 1959, "NEAR_POOR", "2018-02-01", null);           // year only: 2019 − 1959
        RegistryEvents.member(event, "FEMALE", "1959-07-01", null, "HARDSHIP", "2018-02-01", null);  // 60 tomorrow
        RegistryEvents.member(event, "MALE", "1990-01-01", null, "NONE", "2018-02-01", "2019-03-01"); // left
        RegistryEvents.member(event, "FEMALE", null, 1980, "NONE", "2019-07-01", null);               // joins later
        EventSender.send(CLUBS, event.get("aggregateId").asText(), event.toString());

        Map<String, Long> expected = plus(before, Map.of("clubs.active", 1L, "clubs.new", 1L, "members.active", 3L,
                "members.older", 2L, "members.women", 2L, "members.poor", 1L, "members.nearPoor", 1L, "members.hardship", 1L));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(expected, district("2019-06-30", "165")));
    }

    @Test
    void aClosedClubCountsUntilItsClosureAndAnOldClubIsMaintained() {
        Map<String, Long> beforeClosure = district("2018-12-31", "165");
        Map<String, Long> afterClosure = district("2019-06-30", "165");
        ObjectNode event = RegistryEvents.club(UUID.randomUUID(), 1, "165", "05515", "2016-05-01", "2019-01-01");
        RegistryEvents.member(event, "FEMALE", null, 1950, "NONE", "2016-05-01", null);
        EventSender.send(CLUBS, event.get("aggregateId").asText(), event.toString());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(
                plus(beforeClosure, Map.of("clubs.active", 1L, "clubs.maintained", 1L, "members.active", 1L, "members.older", 1L, "members.women", 1L)),
                district("2018-12-31", "165")));
        assertEquals(afterClosure, district("2019-06-30", "165"));
    }

    @Test
    void duplicatesAndStaleVersionsChangeNothing() {
        UUID clubId = UUID.randomUUID();
        String key = clubId.toString();
        Map<String, Long> before = district("2019-06-30", "164");
        ObjectNode v1 = RegistryEvents.club(clubId, 1, "164", "05437", "2018-03-15", null);
        RegistryEvents.member(v1, "FEMALE", null, 1950, "NONE", "2018-03-15", null);
        ObjectNode v2 = RegistryEvents.club(clubId, 2, "164", "05437", "2018-03-15", null);
        RegistryEvents.member(v2, "FEMALE", null, 1950, "NONE", "2018-03-15", null);
        RegistryEvents.member(v2, "MALE", null, 1985, "POOR", "2018-03-15", null);
        EventSender.send(CLUBS, key, v1.toString());
        EventSender.send(CLUBS, key, v2.toString());
        Map<String, Long> afterV2 = plus(before, Map.of("clubs.active", 1L, "clubs.new", 1L, "members.active", 2L,
                "members.older", 1L, "members.women", 1L, "members.poor", 1L));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(afterV2, district("2019-06-30", "164")));

        // v2 delivered again, and an older version (v1 as another event) arriving late: closed, no members.
        EventSender.send(CLUBS, key, v2.toString());
        ObjectNode lateV1 = RegistryEvents.club(clubId, 1, "164", "05437", "2018-03-15", "2018-06-01");
        EventSender.send(CLUBS, key, lateV1.toString());
        UUID lateId = UUID.fromString(lateV1.get("eventId").asText());
        await().atMost(Duration.ofSeconds(20)).until(() -> outcomeOf(lateId) != null);

        assertEquals("STALE", outcomeOf(lateId));
        assertEquals("APPLIED", outcomeOf(UUID.fromString(v2.get("eventId").asText())));
        assertEquals(afterV2, district("2019-06-30", "164"));
    }

    @Test
    void aLaterSnapshotKeepsChangesAndRemovesMembersByTheirIds() {
        UUID clubId = UUID.randomUUID();
        String key = clubId.toString();
        Map<String, Long> before = district("2019-06-30", "164");
        ObjectNode v1 = RegistryEvents.club(clubId, 1, "164", "05437", "2018-03-15", null);
        String stays = lastMember(RegistryEvents.member(v1, "FEMALE", "1950-01-01", null, "POOR", "2018-03-15", null)).get("memberId").asText();
        String leaves = lastMember(RegistryEvents.member(v1, "MALE", null, 1985, "NONE", "2018-03-15", null)).get("memberId").asText();
        RegistryEvents.member(v1, "FEMALE", null, 1990, "NONE", "2018-03-15", null); // not in v2: removed
        EventSender.send(CLUBS, key, v1.toString());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(3L, members(clubId)));
        String unchangedRow = rowVersion(clubId, stays);

        ObjectNode v2 = RegistryEvents.club(clubId, 2, "164", "05437", "2018-03-15", null);
        lastMember(RegistryEvents.member(v2, "FEMALE", "1950-01-01", null, "POOR", "2018-03-15", null)).put("memberId", stays);
        lastMember(RegistryEvents.member(v2, "MALE", null, 1985, "NONE", "2018-03-15", "2019-01-01")).put("memberId", leaves);
        RegistryEvents.member(v2, "MALE", "1950-05-05", null, "NEAR_POOR", "2018-04-01", null); // new
        EventSender.send(CLUBS, key, v2.toString());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(plus(before, Map.of("clubs.active", 1L, "clubs.new", 1L,
                "members.active", 2L, "members.older", 2L, "members.women", 1L, "members.poor", 1L, "members.nearPoor", 1L)),
                district("2019-06-30", "164")));
        // The rows as v2 says: the one who stays, the one who left (with the day), the new one; the removed one is gone.
        assertEquals(3L, members(clubId));
        assertEquals(unchangedRow, rowVersion(clubId, stays), "a member the snapshot leaves as it was keeps its row, not a copy");
        assertEquals("2019-01-01", QuarkusTransaction.requiringNew().call(() -> String.valueOf(em.createNativeQuery(
                "select left_on from club_member where club_id = :club and member_id = :member")
                .setParameter("club", clubId).setParameter("member", UUID.fromString(leaves)).getSingleResult())));
    }

    private static ObjectNode lastMember(ObjectNode club) {
        var members = club.at("/data/members");
        return (ObjectNode) members.get(members.size() - 1);
    }

    /** The transaction that wrote the member's row as it is (PostgreSQL's xmin). */
    private String rowVersion(UUID clubId, String memberId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                        "select xmin::text from club_member where club_id = :club and member_id = :member")
                .setParameter("club", clubId).setParameter("member", UUID.fromString(memberId)).getSingleResult());
    }

    private long members(UUID clubId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from club_member where club_id = :club")
                .setParameter("club", clubId).getSingleResult()).longValue());
    }

    @Test
    void anUnreadableRecordIsSetAsideAndThePartitionGoesOn() {
        UUID clubId = UUID.randomUUID();
        String key = clubId.toString();
        Map<String, Long> before = district("2019-06-30", "164");
        EventSender.send(CLUBS, key, "{ this is not an event");
        EventSender.send(CLUBS, key, RegistryEvents.envelope(UUID.randomUUID(), "ClubSnapshot", key, 1,
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("club", "nonsense")).toString());
        ObjectNode good = RegistryEvents.club(clubId, 1, "164", "05437", "2018-03-15", null);
        EventSender.send(CLUBS, key, good.toString());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertEquals(plus(before, Map.of("clubs.active", 1L, "clubs.new", 1L)), district("2019-06-30", "164")));
        var deadLetters = vn.ishc.testkit.kafka.TopicReader.readUntil("reporting.dead-letter.v1",
                records -> records.stream().filter(r -> key.equals(r.key())).count() >= 2, Duration.ofSeconds(20));
        assertEquals(2, deadLetters.stream().filter(r -> key.equals(r.key())).count());
    }

    @Test
    void anEventTheDatabaseRefusesIsSetAsideAndTheRestOfItsBatchIsApplied() {
        // One key, so that the three records share a partition, come in order and most likely in one poll.
        String key = UUID.randomUUID().toString();
        Map<String, Long> before = district("2019-06-30", "164");
        ObjectNode first = RegistryEvents.club(UUID.randomUUID(), 1, "164", "05437", "2018-03-15", null);
        RegistryEvents.member(first, "FEMALE", "1950-01-01", null, "POOR", "2018-04-01", null);
        ObjectNode refused = RegistryEvents.club(UUID.randomUUID(), 1, "164", "05437", "2018-03-15", null);
        RegistryEvents.member(refused, "FEMALE", "1950-01-01", null, "A HOUSEHOLD STATUS FAR TOO LONG FOR ITS COLUMN", "2018-04-01", null);
        ObjectNode last = RegistryEvents.club(UUID.randomUUID(), 1, "164", "05437", "2018-03-15", null);
        RegistryEvents.member(last, "MALE", "1950-01-01", null, "NEAR_POOR", "2018-04-01", null);
        for (ObjectNode event : new ObjectNode[] {first, refused, last}) {
            EventSender.send(CLUBS, key, event.toString());
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(plus(before, Map.of("clubs.active", 2L, "clubs.new", 2L,
                "members.active", 2L, "members.older", 2L, "members.women", 1L, "members.poor", 1L, "members.nearPoor", 1L)),
                district("2019-06-30", "164")));
        assertEquals("APPLIED", outcomeOf(UUID.fromString(first.get("eventId").asText())));
        assertEquals("APPLIED", outcomeOf(UUID.fromString(last.get("eventId").asText())));
        assertEquals(null, outcomeOf(UUID.fromString(refused.get("eventId").asText())), "nothing of the refused event is kept");
        var deadLetters = vn.ishc.testkit.kafka.TopicReader.readUntil("reporting.dead-letter.v1",
                records -> records.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(20));
        var letter = deadLetters.stream().filter(r -> key.equals(r.key())).toList();
        assertEquals(1, letter.size());
        assertEquals(refused.toString(), letter.get(0).value());
        assertEquals("registry.club-snapshots.v1",
                new String(letter.get(0).headers().lastHeader("dead-letter-topic").value(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aBatchWithOneEventTheDatabaseRefusesIsAppliedAgainInHalvesNotOneByOne() {
        String key = UUID.randomUUID().toString();
        Map<String, Long> before = district("2019-06-30", "165");
        List<ObjectNode> events = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            ObjectNode club = RegistryEvents.club(UUID.randomUUID(), 1, "165", "05515", "2018-03-15", null);
            RegistryEvents.member(club, "FEMALE", "1950-01-01", null, i == 10 ? "A HOUSEHOLD STATUS FAR TOO LONG FOR ITS COLUMN" : "POOR",
                    "2018-04-01", null);
            events.add(club);
        }
        EventSender.sendTogether(CLUBS, key, events.stream().map(ObjectNode::toString).toArray(String[]::new));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(plus(before, Map.of("clubs.active", 31L, "clubs.new", 31L,
                "members.active", 31L, "members.older", 31L, "members.women", 31L, "members.poor", 31L)), district("2019-06-30", "165")));
        var deadLetters = vn.ishc.testkit.kafka.TopicReader.readUntil("reporting.dead-letter.v1",
                records -> records.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(20));
        assertEquals(List.of(events.get(10).toString()), deadLetters.stream().filter(r -> key.equals(r.key())).map(r -> r.value()).toList());
        List<UUID> applied = java.util.stream.IntStream.range(0, events.size()).filter(i -> i != 10)
                .mapToObj(i -> UUID.fromString(events.get(i).get("eventId").asText())).toList();
        // The ledger's applied_at is its transaction's start: one value per transaction that applied some of the 31.
        long transactions = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(distinct applied_at) from applied_event where event_id = any(cast(:ids as uuid[])) and outcome = 'APPLIED'")
                .setParameter("ids", applied.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .getSingleResult()).longValue());
        // In halves, 32 events with one refused are applied in 5 transactions (more if they came in two polls); one by one, in 31.
        assertTrue(transactions <= 10, transactions + " transactions");
    }

    @Test
    void theProvinceIsTheSumOfItsDistricts() {
        ObjectNode event = RegistryEvents.club(UUID.randomUUID(), 1, "164", "05437", "2017-02-01", null);
        RegistryEvents.member(event, "MALE", "1950-01-01", null, "POOR", "2017-02-01", null);
        EventSender.send(CLUBS, event.get("aggregateId").asText(), event.toString());
        UUID eventId = UUID.fromString(event.get("eventId").asText());
        await().atMost(Duration.ofSeconds(20)).until(() -> outcomeOf(eventId) != null);

        // Clubs and members: the province is exactly the sum of all its districts (money adds
        // province-level contributions, checked in FundingProjectionTest).
        var document = vn.ishc.reporting.support.ProgressClient.progress("2019-06-30");
        for (String figure : new String[] {"clubs.active", "clubs.new", "clubs.maintained", "members.active", "members.older",
                "members.women", "members.poor", "members.nearPoor", "members.hardship"}) {
            long sum = document.<Number>getList("districts." + figure).stream().mapToLong(Number::longValue).sum();
            assertEquals(sum, document.getLong("province." + figure), figure);
        }
    }

    /** APPLIED or STALE once the event was handled (a redelivery keeps the first outcome), null before. */
    private String outcomeOf(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var rows = em.createNativeQuery("select outcome from applied_event where event_id = :id").setParameter("id", eventId).getResultList();
            return rows.isEmpty() ? null : (String) rows.get(0);
        });
    }

    /**
     * With 20,000 members in the table, deleting the members a batch of snapshots no longer names
     * reads their clubs' rows by the key, not the whole table (a scan of 600,000 rows took 160 ms a batch).
     * The rows and their column statistics are rolled back; the row count ANALYZE writes in place stays
     * until the table's next analysis, which changes plans, not answers.
     */
    @Test
    void removedMembersAreLookedUpByTheirClubNotByScanningTheTable() throws Exception {
        StringBuilder plan = new StringBuilder();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (Statement fill = connection.createStatement()) {
                    fill.execute("""
                            insert into club_member (club_id, member_id, gender, birth_year, household_status, joined_on)
                            select c.id, gen_random_uuid(), 'FEMALE', 1950, 'NONE', date '2018-01-01'
                            from (select gen_random_uuid() as id from generate_series(1, 400)) c, generate_series(1, 50)""");
                    fill.execute("analyze club_member");
                }
                // a batch as the replay sends them: 30 clubs of 60 members, (club, null) for each club
                List<UUID> clubs = new ArrayList<>();
                List<UUID> members = new ArrayList<>();
                for (int c = 0; c < 30; c++) {
                    UUID club = UUID.randomUUID();
                    for (int m = 0; m <= 60; m++) {
                        clubs.add(club);
                        members.add(m == 0 ? null : UUID.randomUUID());
                    }
                }
                try (PreparedStatement explain = connection.prepareStatement("explain " + ClubProjection.REMOVED_MEMBERS)) {
                    explain.setArray(1, connection.createArrayOf("uuid", clubs.toArray()));
                    explain.setArray(2, connection.createArrayOf("uuid", members.toArray()));
                    try (ResultSet lines = explain.executeQuery()) {
                        while (lines.next()) {
                            plan.append(lines.getString(1)).append('\n');
                        }
                    }
                }
            } finally {
                connection.rollback();
            }
        }
        assertTrue(plan.toString().contains("club_member_pkey"), plan.toString());
        assertFalse(plan.toString().contains("Seq Scan on club_member"), plan.toString());
    }
}
