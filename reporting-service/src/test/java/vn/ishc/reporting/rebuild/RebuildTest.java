package vn.ishc.reporting.rebuild;

import vn.ishc.reporting.config.Topics;
import vn.ishc.reporting.support.FundingEvents;
import vn.ishc.reporting.support.RegistryEvents;
import vn.ishc.testkit.kafka.EventSender;
import vn.ishc.testkit.stack.Tokens;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ishc.reporting.support.ProgressClient.district;
import static vn.ishc.reporting.support.ProgressClient.plus;
import static vn.ishc.reporting.support.ProgressClient.province;

/**
 * A rebuild replays beside the live projections: progress answers from the previous figures until
 * the switch, the figures after it are the same, the live consumers go on in the new tables, a
 * second rebuild waits for the first, a rebuild whose replica died is taken over, and a programme
 * added during the replay counts in full.
 */
@QuarkusTest
class RebuildTest {

    private static final String REBUILD = "/api/v1/admin/rebuild";

    @Inject
    EntityManager em;

    @Inject
    Replay replay;

    @Inject
    ShadowProjection shadow;

    @BeforeEach
    void someDataIsProjected() {
        EventSender.send(Topics.ADMIN_UNITS, "19", RegistryEvents.adminUnit("19", "Thái Nguyên", "Tỉnh Thái Nguyên", "PROVINCE", "tinh", null).toString());
        EventSender.send(Topics.ADMIN_UNITS, "169", RegistryEvents.adminUnit("169", "Đồng Hỷ", "Huyện Đồng Hỷ", "DISTRICT", "huyen", "19").toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> district("2019-06-30", "169").get("clubs.active") != null);
        Map<String, Long> before = district("2019-12-31", "169");
        for (int i = 0; i < 20; i++) {
            ObjectNode club = RegistryEvents.club(UUID.randomUUID(), 1, "169", "05500", "2018-0" + (1 + i % 9) + "-15", null);
            RegistryEvents.member(club, i % 2 == 0 ? "FEMALE" : "MALE", "1950-01-01", null, "POOR", "2018-10-01", null);
            RegistryEvents.member(club, "MALE", null, 1990, "NONE", "2018-10-01", null);
            EventSender.send(Topics.CLUB_SNAPSHOTS, club.get("aggregateId").asText(), club.toString());
            ObjectNode contribution = FundingEvents.contribution(UUID.randomUUID(), 1, "169", 1_000_000, "2019-03-0" + (1 + i % 9), null, null);
            EventSender.send(Topics.CONTRIBUTIONS, contribution.get("aggregateId").asText(), contribution.toString());
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(
                plus(before, Map.of("clubs.active", 20L, "clubs.new", 20L, "members.active", 40L, "members.older", 20L, "members.women", 10L,
                        "members.poor", 20L, "contributions.receivedVnd", 20_000_000L)), district("2019-12-31", "169")));
    }

    @Test
    void progressAnswersFromThePreviousFiguresUntilTheSwitchAndTheSameAfter() {
        awaitNoRebuildReplaying();
        Map<String, Long> before = district("2019-12-31", "169");
        Map<String, Long> provinceBefore = province("2019-12-31");
        JsonPath started = given().auth().oauth2(Tokens.provinceAdmin()).post(REBUILD)
                .then().statusCode(202).header("Location", org.hamcrest.Matchers.endsWith(REBUILD))
                .body("state", equalTo("REPLAYING")).extract().jsonPath();
        long generation = started.getLong("generation");

        // Every answer while it replays is the live figures: never empty, never partial.
        List<Map<String, Long>> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> {
            seen.add(district("2019-12-31", "169"));
            return "SWITCHED".equals(status().getString("state"));
        });
        seen.forEach(figures -> assertEquals(before, figures, "an answer during the rebuild"));
        JsonPath done = status();
        assertEquals(generation, done.getLong("generation"));
        assertTrue(done.getLong("eventsReplayed") >= 42, "replayed " + done.getLong("eventsReplayed"));
        assertTrue(done.getString("finishedAt") != null);
        assertEquals(before, district("2019-12-31", "169"));
        assertEquals(provinceBefore, province("2019-12-31"));
        // The replay analyzed the tables it filled, which keep their statistics once switched in (a table never
        // analyzed has reltuples -1; these few rows are far below what would make autovacuum analyze it).
        for (String table : List.of("club", "club_member", "contribution", "applied_event")) {
            double rows = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select reltuples from pg_class where oid = cast(:table as regclass)").setParameter("table", "public." + table)
                    .getSingleResult()).doubleValue());
            assertTrue(rows >= 0, "public." + table + " has no statistics after the switch");
        }

        // The live consumers go on in the switched-in tables: a new contribution counts once.
        ObjectNode contribution = FundingEvents.contribution(UUID.randomUUID(), 1, "169", 3_000_000, "2019-05-05", null, null);
        EventSender.send(Topics.CONTRIBUTIONS, contribution.get("aggregateId").asText(), contribution.toString());
        EventSender.send(Topics.CONTRIBUTIONS, contribution.get("aggregateId").asText(), contribution.toString()); // redelivered
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertEquals(plus(before, Map.of("contributions.receivedVnd", 3_000_000L)), district("2019-12-31", "169")));
    }

    @Test
    void clubsAndMoneyThatComeDuringTheRebuildCountOnceAfterTheSwitch() throws InterruptedException {
        awaitNoRebuildReplaying();
        Map<String, Long> before = district("2019-12-31", "169");
        given().auth().oauth2(Tokens.provinceAdmin()).post(REBUILD).then().statusCode(202);
        // Each lands in the replay's pass, in the last stretch it applies under the figures' lock, or after the switch.
        long sent = 0;
        while (sent < 40 && (sent < 5 || "REPLAYING".equals(status().getString("state")))) {
            ObjectNode club = RegistryEvents.club(UUID.randomUUID(), 1, "169", "05500", "2018-04-15", null);
            RegistryEvents.member(club, "FEMALE", "1950-01-01", null, "POOR", "2018-10-01", null);
            EventSender.send(Topics.CLUB_SNAPSHOTS, club.get("aggregateId").asText(), club.toString());
            ObjectNode contribution = FundingEvents.contribution(UUID.randomUUID(), 1, "169", 1_000_000, "2019-03-03", null, null);
            EventSender.send(Topics.CONTRIBUTIONS, contribution.get("aggregateId").asText(), contribution.toString());
            sent++;
            Thread.sleep(20);
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> "SWITCHED".equals(status().getString("state")));
        long n = sent;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(
                plus(before, Map.of("clubs.active", n, "clubs.new", n, "members.active", n, "members.older", n, "members.women", n,
                        "members.poor", n, "contributions.receivedVnd", n * 1_000_000L)), district("2019-12-31", "169")));
    }

    @Test
    void aRebuildWhoseReplicaDiedIsTakenOverAndASecondOneWaits() {
        Map<String, Long> before = district("2019-12-31", "169");
        awaitNoRebuildReplaying();
        long generation = QuarkusTransaction.requiringNew().call(() -> {
            long next = ((Number) em.createNativeQuery("select coalesce(max(generation), 0) + 1 from rebuild_run").getSingleResult()).longValue();
            // A run whose replica was killed mid-replay an hour ago.
            em.createNativeQuery("""
                            insert into rebuild_run (generation, state, requested_at, started_at, replica, heartbeat_at, events_replayed)
                            values (:g, 'REPLAYING', now() - interval '1 hour', now() - interval '1 hour', 'killed-replica', now() - interval '1 hour', 7)""")
                    .setParameter("g", next).executeUpdate();
            return next;
        });
        given().auth().oauth2(Tokens.provinceAdmin()).post(REBUILD).then().statusCode(409);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> "SWITCHED".equals(status().getString("state")));
        JsonPath done = status();
        assertEquals(generation, done.getLong("generation"));
        assertTrue(!done.getString("replica").equals("killed-replica"), "taken over by " + done.getString("replica"));
        assertEquals(before, district("2019-12-31", "169"));
    }

    @Test
    void theShadowsTransactionsDoNotWaitForTheDiskAndCountThemselvesForTheirRunOnly() {
        awaitNoRebuildReplaying();
        String run = shadow.prepare();
        try {
            for (int i = 0; i < 2; i++) {
                assertEquals("off", shadow.inShadow(run, () -> em.createNativeQuery("select current_setting('synchronous_commit')").getSingleResult()));
            }
            assertEquals("on", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select current_setting('synchronous_commit')")
                    .getSingleResult()), "a transaction outside the shadow waits for its commit as always");
            assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> shadow.committed(run)));
            // A replay whose shadow was prepared again for another run (taken over) writes nothing there.
            String next = shadow.prepare();
            boolean[] ran = {false};
            assertThrows(Replay.Abandoned.class, () -> shadow.inShadow(run, () -> ran[0] = true));
            assertTrue(!ran[0], "the taken-over run's work did not run");
            assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> shadow.committed(next)));
        } finally {
            shadow.drop();
        }
    }

    @Test
    void aReplayWhoseCommitsTheDatabaseLostDoesNotSwitch() {
        // As if the database had stopped hard after the first poll's commits and come back without the last one.
        assertTheReplayDoesNotSwitchWhenTheShadowCounts(-1, "lost the last 1");
    }

    @Test
    void aReplayWithACommitTheShadowHoldsTwiceDoesNotSwitch() {
        // As if a commit had been made but its answer lost, and its retry had found its events already there.
        assertTheReplayDoesNotSwitchWhenTheShadowCounts(+1, "holds 1 of the rebuild's transactions twice");
    }

    private void assertTheReplayDoesNotSwitchWhenTheShadowCounts(int more, String why) {
        awaitNoRebuildReplaying();
        Map<String, Long> before = district("2019-12-31", "169");
        boolean[] counted = {false};
        boolean[] switched = {false};
        Replay.CommitsDiffer refused;
        try {
            refused = assertThrows(Replay.CommitsDiffer.class, () -> replay.run(applied -> {
                if (!counted[0]) {
                    counted[0] = true;
                    QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update rebuild.replay_commits set commits = commits + :more")
                            .setParameter("more", more).executeUpdate());
                }
                return true;
            }, count -> switched[0] = true));
        } finally {
            shadow.drop();
        }
        assertTrue(refused.getMessage().contains(why) && refused.getMessage().endsWith("start the rebuild again"), refused.getMessage());
        assertTrue(!switched[0], "the run was not recorded as switched");
        assertEquals(before, district("2019-12-31", "169"), "the live figures stay as they were");
    }

    @Test
    void aProgrammeWithANewStartAddedWhileClubsAreReplayedCountsInFullAfterTheSwitch() {
        // Enough clubs that the replay reads them over several polls, and the programme comes between two of them.
        long clubs = clubsMaintainedSinceTheNewStart("public");
        for (int i = 0; i < 100; i++) {
            ObjectNode club = RegistryEvents.club(UUID.randomUUID(), 1, "169", "05500", "2018-05-15", null);
            EventSender.send(Topics.CLUB_SNAPSHOTS, club.get("aggregateId").asText(), club.toString());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> clubsMaintainedSinceTheNewStart("public") >= clubs + 100);
        awaitNoRebuildReplaying();
        Map<String, Long> before = province("2019-12-31");
        String code = "TN-REBUILD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from programme where starts_on = date '2019-02-13'").getSingleResult()).longValue()), "a start no programme has");
        List<Map<String, Long>> afterAdding = new ArrayList<>();
        try {
            replay.run(applied -> {
                // Part of the clubs the new start counts are replayed, the others not yet.
                long replayed = clubsMaintainedSinceTheNewStart(ShadowProjection.SCHEMA);
                long live = clubsMaintainedSinceTheNewStart("public");
                if (afterAdding.isEmpty() && replayed > 0 && replayed < live) {
                    given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.JSON)
                            .body(Map.of("code", code, "name", "Chương trình khởi đầu giữa lúc dựng lại", "startsOn", "2019-02-13",
                                    "endsOn", "2020-12-31"))
                            .post("/api/v1/programmes").then().statusCode(201);
                    afterAdding.add(province(code, "2019-12-31")); // as the live figures computed it, from every club
                }
                return true;
            }, count -> { });
        } finally {
            shadow.drop();
        }
        assertEquals(1, afterAdding.size(), "the programme came while part of the clubs were replayed");
        Map<String, Long> live = afterAdding.get(0);
        assertTrue(live.get("clubs.maintained") >= 120 && live.get("contributions.receivedVnd") >= 20_000_000L, live.toString());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertEquals(live, province(code, "2019-12-31"), "the new programme's figures after the switch"));
        assertEquals(before, province("2019-12-31"), "the other programme's figures after the switch");
    }

    @Test
    void aRecordTheDatabaseRefusesIsSkippedByTheReplayAndTheRestOfItsBatchApplied() {
        // One key: one partition, in order, so that the refused record sits among the others in the replay's polls.
        String key = UUID.randomUUID().toString();
        Map<String, Long> before = district("2019-12-31", "169");
        for (int i = 0; i < 30; i++) {
            ObjectNode club = RegistryEvents.club(UUID.randomUUID(), 1, "169", "05500", "2018-06-15", null);
            RegistryEvents.member(club, "FEMALE", "1950-01-01", null, i == 13 ? "A HOUSEHOLD STATUS FAR TOO LONG FOR ITS COLUMN" : "POOR",
                    "2018-10-01", null);
            EventSender.send(Topics.CLUB_SNAPSHOTS, key, club.toString());
        }
        Map<String, Long> live = plus(before, Map.of("clubs.active", 29L, "clubs.new", 29L, "members.active", 29L, "members.older", 29L,
                "members.women", 29L, "members.poor", 29L));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(live, district("2019-12-31", "169")));
        awaitNoRebuildReplaying();
        try {
            replay.run(applied -> true, count -> { });
        } finally {
            shadow.drop();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(live, district("2019-12-31", "169"), "after the switch"));
    }

    /** Clubs in {@code schema} that count as maintained for a programme starting 2019-02-13 (all of this test's do). */
    private long clubsMaintainedSinceTheNewStart(String schema) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from " + schema + ".club "
                + "where established_on < date '2019-02-13' and (closed_on is null or closed_on > date '2019-12-31')")
                .getSingleResult()).longValue());
    }

    @Test
    void onlyTheProvinceAdminRebuilds() {
        given().auth().oauth2(Tokens.viewer()).post(REBUILD).then().statusCode(403);
        given().auth().oauth2(Tokens.viewer()).get(REBUILD).then().statusCode(403);
        given().post(REBUILD).then().statusCode(401);
    }

    private static JsonPath status() {
        return given().auth().oauth2(Tokens.provinceAdmin()).get(REBUILD).then().statusCode(200).extract().jsonPath();
    }

    private void awaitNoRebuildReplaying() {
        await().atMost(Duration.ofSeconds(120)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from rebuild_run where state = 'REPLAYING'").getSingleResult()).longValue() == 0));
    }
}
