package vn.ishc.reporting.projection;

import vn.ishc.kit.events.IncomingEvent;

import vn.ishc.reporting.figures.FiguresChanged;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;

/**
 * The bookkeeping that makes projections idempotent: which events were seen, and how far each
 * source has been applied. Always called inside the transaction that applies the event.
 */
@ApplicationScoped
public class ProjectionLedger {

    public enum Outcome { APPLIED, STALE }

    @Inject
    EntityManager em;

    /**
     * Applies one event exactly once, in the caller's transaction: checks the stored version of its
     * aggregate (locked until the transaction ends), records the event in the ledger, runs
     * {@code write} only when the event is newer, and moves the source's freshness forward. The
     * caller takes its locks before (figures shared, then pledges), so every projection locks in
     * one order. Null for a redelivery, which changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome applyOnce(IncomingEvent event, String topic, String source, String versionQuery, Object aggregateKey,
                             Runnable write) {
        Outcome outcome = compareVersion(event, versionQuery, aggregateKey);
        if (!firstDelivery(event, topic, outcome)) {
            return null;
        }
        if (outcome == Outcome.APPLIED) {
            write.run();
        }
        advance(source, event);
        return outcome;
    }

    /**
     * APPLIED when the event is newer than the stored version of its aggregate (locked until the
     * transaction ends), STALE when that version is the same or newer.
     */
    private Outcome compareVersion(IncomingEvent event, String versionQuery, Object aggregateKey) {
        @SuppressWarnings("unchecked")
        java.util.List<Number> current = em.createNativeQuery(versionQuery + " for update").setParameter("id", aggregateKey).getResultList();
        return !current.isEmpty() && current.get(0).longValue() >= event.aggregateVersion() ? Outcome.STALE : Outcome.APPLIED;
    }

    /** Records the event; false when its id was recorded before (a redelivery). */
    private boolean firstDelivery(IncomingEvent event, String topic, Outcome outcome) {
        int inserted = em.createNativeQuery("""
                        insert into applied_event (event_id, topic, aggregate_id, aggregate_version, occurred_at, outcome)
                        values (:id, :topic, :aggregate, :version, :occurred, :outcome)
                        on conflict (event_id) do nothing""")
                .setParameter("id", event.eventId())
                .setParameter("topic", topic)
                .setParameter("aggregate", event.aggregateId())
                .setParameter("version", event.aggregateVersion())
                .setParameter("occurred", Timestamp.from(event.occurredAt()))
                .setParameter("outcome", outcome.name())
                .executeUpdate();
        return inserted == 1;
    }

    @Inject
    Event<FiguresChanged> landed;

    /** Moves the source's freshness forward and, once the transaction commits, tells live listeners. */
    private void advance(String source, IncomingEvent event) {
        landed.fire(new FiguresChanged(source));
        em.createNativeQuery("""
                        insert into source_freshness (source, through) values (:source, :through)
                        on conflict (source) do update set through = greatest(source_freshness.through, excluded.through)""")
                .setParameter("source", source)
                .setParameter("through", Timestamp.from(event.occurredAt()))
                .executeUpdate();
    }
}
