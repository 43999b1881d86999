package vn.ishc.reporting.projection;

import vn.ishc.reporting.config.Topics;
import vn.ishc.reporting.figures.Figure;
import vn.ishc.reporting.figures.FigureStore;
import vn.ishc.reporting.figures.ReadyFigures;
import vn.ishc.reporting.support.FundingEvents;
import vn.ishc.reporting.support.RegistryEvents;
import vn.ishc.testkit.kafka.EventSender;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Administrative units are applied as a set: a batch gives every event the outcome it would have had
 * alone, writes each unit's newest snapshot, and moves the money recorded to units that end (received
 * and pledged) to the province level from their end, once; money applied meanwhile waits for the change.
 */
@QuarkusTest
class AdminUnitBatchTest {

    @Inject
    AdminUnitProjection adminUnits;

    @Inject
    EntityManager em;

    @Test
    void aBatchDecidesEachEventAsAloneAndMovesTheMoneyOfEndingDistrictsOnce() {
        int n = ThreadLocalRandom.current().nextInt(1000, 9999);
        String code = "9" + n; // money received there
        String other = "8" + n; // a pledge made there
        for (String unit : List.of(code, other)) {
            EventSender.send(Topics.ADMIN_UNITS, unit, first(unit).toString());
        }
        UUID contribution = UUID.randomUUID();
        EventSender.send(Topics.CONTRIBUTIONS, contribution.toString(),
                FundingEvents.contribution(contribution, 1, code, 7_000_000, "2024-09-01", null, null).toString());
        UUID pledge = UUID.randomUUID();
        EventSender.send(Topics.PLEDGES, pledge.toString(), FundingEvents.pledge(pledge, 1, other, 5_000_000, "2024-10-01", null).toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> number("select count(*) from contribution where id = cast(:id as uuid)",
                contribution.toString()) == 1 && number("select count(*) from pledge where id = cast(:id as uuid)", pledge.toString()) == 1
                && number("select count(*) from admin_unit_version where code = :id", code) == 1
                && number("select count(*) from admin_unit_version where code = :id", other) == 1);
        String received = Figure.RECEIVED_VND.key(QuarkusTransaction.requiringNew().call(() ->
                (LocalDate) em.createNativeQuery("select min(starts_on) from programme").getSingleResult()));
        String outstanding = Figure.PLEDGED_OUTSTANDING_VND.key();
        long receivedInProvince = valueOn(ReadyFigures.PROVINCE_LEVEL, received, "2025-07-01");
        long outstandingInProvince = valueOn(ReadyFigures.PROVINCE_LEVEL, outstanding, "2025-07-01");
        assertEquals(7_000_000, valueOn(code, received, "2025-07-01"));
        assertEquals(5_000_000, valueOn(other, outstanding, "2025-07-01"));

        ObjectNode ended = ended(code, 3);
        ObjectNode older = RegistryEvents.adminUnitPeriods(code, 2,
                RegistryEvents.period(code, "Cũ " + code, "Huyện Cũ " + code, "DISTRICT", "huyen", "19", null, null));
        ObjectNode otherEnded = ended(other, 2);
        ObjectNode firstAgain = first(code);
        List<ObjectNode> batch = List.of(ended, older, ended, firstAgain, otherEnded);
        List<String> outcomes = QuarkusTransaction.requiringNew().call(() -> adminUnits.apply(batch.stream()
                .map(event -> adminUnits.read(event.toString())).toList()));

        assertEquals(List.of("APPLIED", "STALE", ProjectionLedger.DUPLICATE, "STALE", "APPLIED"), outcomes);
        assertEquals(3, number("select version from admin_unit_version where code = :id", code));
        assertEquals(2, number("select version from admin_unit_version where code = :id", other));
        for (String unit : List.of(code, other)) {
            assertEquals("Thử " + unit + " 2025-07-01", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "select name || ' ' || valid_to from admin_unit_period where code = :id").setParameter("id", unit).getSingleResult()));
            assertEquals("05443", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "select successor_code from admin_unit_succession where code = :id").setParameter("id", unit).getSingleResult()));
        }
        assertMovedToTheProvinceOnce(code, received, 7_000_000, receivedInProvince, other, outstanding, 5_000_000, outstandingInProvince);

        // The same batch again: every event a redelivery, nothing moves.
        List<String> again = QuarkusTransaction.requiringNew().call(() -> adminUnits.apply(batch.stream()
                .map(event -> adminUnits.read(event.toString())).toList()));
        assertEquals(java.util.Collections.nCopies(batch.size(), ProjectionLedger.DUPLICATE), again);
        assertMovedToTheProvinceOnce(code, received, 7_000_000, receivedInProvince, other, outstanding, 5_000_000, outstandingInProvince);
    }

    @Test
    void moneyAppliedWhileAUnitChangesWaitsForItAndCountsByTheNewPeriods() throws Exception {
        String code = "7" + ThreadLocalRandom.current().nextInt(1000, 9999);
        EventSender.send(Topics.ADMIN_UNITS, code, first(code).toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> number("select count(*) from admin_unit_version where code = :id", code) == 1);
        String received = Figure.RECEIVED_VND.key(QuarkusTransaction.requiringNew().call(() ->
                (LocalDate) em.createNativeQuery("select min(starts_on) from programme").getSingleResult()));
        long receivedInProvince = valueOn(ReadyFigures.PROVINCE_LEVEL, received, "2025-07-01");

        // The district's end, applied and not yet committed.
        CountDownLatch applied = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<List<String>> change = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew().call(() -> {
            List<String> outcomes = adminUnits.apply(List.of(adminUnits.read(ended(code, 2).toString())));
            applied.countDown();
            commit.await(60, TimeUnit.SECONDS);
            return outcomes;
        }));
        UUID contribution = UUID.randomUUID();
        try {
            assertTrue(applied.await(30, TimeUnit.SECONDS), "the unit's change was applied");
            EventSender.send(Topics.CONTRIBUTIONS, contribution.toString(),
                    FundingEvents.contribution(contribution, 1, code, 3_000_000, "2024-09-01", null, null).toString());
            // The contribution's batch waits for the figures' lock the unit's change holds alone.
            await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                    select count(*) from pg_locks where locktype = 'advisory' and not granted and mode = 'ShareLock'
                      and database = (select oid from pg_database where datname = current_database())
                      and classid = 0 and cast(objid as bigint) = :key and objsubid = 1""").setParameter("key", FigureStore.FIGURES_LOCK)
                    .getSingleResult()).longValue()) > 0);
            assertEquals(0, number("select count(*) from contribution where id = cast(:id as uuid)", contribution.toString()));
        } finally {
            commit.countDown();
        }
        assertEquals(List.of("APPLIED"), change.get(60, TimeUnit.SECONDS));
        await().atMost(Duration.ofSeconds(30)).until(() -> number("select count(*) from contribution where id = cast(:id as uuid)",
                contribution.toString()) == 1);
        assertEquals(3_000_000, valueOn(code, received, "2025-06-30"));
        assertEquals(0, valueOn(code, received, "2025-07-01"), "counted by the periods the unit has now");
        assertEquals(receivedInProvince + 3_000_000, valueOn(ReadyFigures.PROVINCE_LEVEL, received, "2025-07-01"));
    }

    private void assertMovedToTheProvinceOnce(String code, String received, long amount, long receivedInProvince, String other, String outstanding,
                                              long pledged, long outstandingInProvince) {
        assertEquals(amount, valueOn(code, received, "2025-06-30"), "in its district until the district ends");
        assertEquals(0, valueOn(code, received, "2025-07-01"));
        assertEquals(receivedInProvince + amount, valueOn(ReadyFigures.PROVINCE_LEVEL, received, "2025-07-01"), "at province level from then on");
        assertEquals(pledged, valueOn(other, outstanding, "2025-06-30"));
        assertEquals(0, valueOn(other, outstanding, "2025-07-01"));
        assertEquals(outstandingInProvince + pledged, valueOn(ReadyFigures.PROVINCE_LEVEL, outstanding, "2025-07-01"));
    }

    private static ObjectNode first(String code) {
        return RegistryEvents.adminUnit(code, "Thử " + code, "Huyện Thử " + code, "DISTRICT", "huyen", "19");
    }

    /** The district at {@code version}, ended by the 2025 reform and merged whole into a commune. */
    private static ObjectNode ended(String code, long version) {
        ObjectNode ends = RegistryEvents.period(code, "Thử " + code, "Huyện Thử " + code, "DISTRICT", "huyen", "19", null, "2025-07-01");
        RegistryEvents.successor(ends, "05443", true);
        return RegistryEvents.adminUnitPeriods(code, version, ends);
    }

    /** A stored figure's value on a day: its deltas up to that day. */
    private long valueOn(String area, String figure, String day) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select coalesce(sum(delta), 0) from progress_delta where area_code = :area and figure = :figure and day <= cast(:day as date)")
                .setParameter("area", area).setParameter("figure", figure).setParameter("day", day).getSingleResult()).longValue());
    }

    private long number(String sql, String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter("id", id).getSingleResult()).longValue());
    }
}
