package vn.ishc.reporting.projection;

import vn.ishc.reporting.config.Topics;
import vn.ishc.reporting.figures.Figure;
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
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Administrative units are applied as a set: a batch gives every event the outcome it would have had
 * alone, writes each unit's newest snapshot, and moves the money recorded to a unit that ends to the
 * province level from its end, once.
 */
@QuarkusTest
class AdminUnitBatchTest {

    @Inject
    AdminUnitProjection adminUnits;

    @Inject
    EntityManager em;

    @Test
    void aBatchDecidesEachEventAsAloneAndMovesTheMoneyOfAnEndingDistrictOnce() {
        String code = "9" + ThreadLocalRandom.current().nextInt(1000, 10000);
        EventSender.send(Topics.ADMIN_UNITS, code, RegistryEvents.adminUnit(code, "Thử " + code, "Huyện Thử " + code, "DISTRICT", "huyen", "19")
                .toString());
        UUID contribution = UUID.randomUUID();
        EventSender.send(Topics.CONTRIBUTIONS, contribution.toString(),
                FundingEvents.contribution(contribution, 1, code, 7_000_000, "2024-09-01", null, null).toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> number("select count(*) from contribution where id = cast(:id as uuid)",
                contribution.toString()) == 1 && number("select count(*) from admin_unit_version where code = :id", code) == 1);
        String received = Figure.RECEIVED_VND.key(QuarkusTransaction.requiringNew().call(() ->
                (LocalDate) em.createNativeQuery("select min(starts_on) from programme").getSingleResult()));
        long provinceBefore = valueOn(ReadyFigures.PROVINCE_LEVEL, received, "2025-07-01");
        assertEquals(7_000_000, valueOn(code, received, "2025-07-01"));

        ObjectNode ends = RegistryEvents.period(code, "Thử " + code, "Huyện Thử " + code, "DISTRICT", "huyen", "19", null, "2025-07-01");
        RegistryEvents.successor(ends, "05443", true);
        ObjectNode ended = RegistryEvents.adminUnitPeriods(code, 3, ends);
        ObjectNode older = RegistryEvents.adminUnitPeriods(code, 2,
                RegistryEvents.period(code, "Cũ " + code, "Huyện Cũ " + code, "DISTRICT", "huyen", "19", null, null));
        ObjectNode first = RegistryEvents.adminUnit(code, "Thử " + code, "Huyện Thử " + code, "DISTRICT", "huyen", "19");
        List<String> outcomes = QuarkusTransaction.requiringNew().call(() -> adminUnits.apply(List.of(
                adminUnits.read(ended.toString()), adminUnits.read(older.toString()), adminUnits.read(ended.toString()),
                adminUnits.read(first.toString()))));

        assertEquals(List.of("APPLIED", "STALE", ProjectionLedger.DUPLICATE, "STALE"), outcomes);
        assertEquals(3, number("select version from admin_unit_version where code = :id", code));
        assertEquals("Thử " + code + " 2025-07-01", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select name || ' ' || valid_to from admin_unit_period where code = :id").setParameter("id", code).getSingleResult()));
        assertEquals("05443", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select successor_code from admin_unit_succession where code = :id").setParameter("id", code).getSingleResult()));
        assertEquals(7_000_000, valueOn(code, received, "2025-06-30"), "in its district until the district ends");
        assertEquals(0, valueOn(code, received, "2025-07-01"));
        assertEquals(provinceBefore + 7_000_000, valueOn(ReadyFigures.PROVINCE_LEVEL, received, "2025-07-01"), "at province level from then on");

        // The same batch again: every event a redelivery, nothing moves.
        List<String> again = QuarkusTransaction.requiringNew().call(() -> adminUnits.apply(List.of(
                adminUnits.read(ended.toString()), adminUnits.read(older.toString()), adminUnits.read(first.toString()))));
        assertEquals(List.of(ProjectionLedger.DUPLICATE, ProjectionLedger.DUPLICATE, ProjectionLedger.DUPLICATE), again);
        assertEquals(0, valueOn(code, received, "2025-07-01"));
        assertEquals(provinceBefore + 7_000_000, valueOn(ReadyFigures.PROVINCE_LEVEL, received, "2025-07-01"));
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
