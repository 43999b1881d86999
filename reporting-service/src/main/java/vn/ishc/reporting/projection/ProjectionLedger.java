package vn.ishc.reporting.projection;

import vn.ishc.kit.events.IncomingEvent;

import vn.ishc.reporting.figures.FiguresChanged;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import vn.ishc.kit.sql.ArrayQuery;
import vn.ishc.kit.sql.UnnestRows;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The bookkeeping that makes projections idempotent: which events were seen, and how far each
 * source has been applied. Always called inside the transaction that applies the events.
 */
@ApplicationScoped
public class ProjectionLedger {

    public enum Outcome { APPLIED, STALE }

    /** The outcome counted for a redelivered event, which changes nothing and is not recorded again. */
    public static final String DUPLICATE = "DUPLICATE";

    @Inject
    EntityManager em;

    @Inject
    Event<FiguresChanged> landed;

    /**
     * Applies one event exactly once, in the caller's transaction: checks the stored version of its
     * aggregate (locked until the transaction ends), records the event in the ledger, and runs
     * {@code write} only when the event is newer. The caller takes its locks before (figures
     * shared, then pledges), so every projection locks in one order, and moves the source's
     * freshness last ({@link #advance(String, Instant)}). Null for a redelivery, which changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome applyOnce(IncomingEvent event, String topic, String versionQuery, Object aggregateKey, Runnable write) {
        Outcome outcome = compareVersion(event, versionQuery, aggregateKey);
        if (!firstDelivery(event, topic, outcome)) {
            return null;
        }
        if (outcome == Outcome.APPLIED) {
            write.run();
        }
        return outcome;
    }

    /**
     * The batch form of {@link #applyOnce}, in the caller's transaction, with the outcome every event
     * would have had if the events were applied one at a time in their order: a redelivered event
     * (recorded before, or twice in the batch) is a DUPLICATE; an event not newer than its
     * aggregate's stored version, or than an earlier event of the batch, is STALE; the others are
     * APPLIED, and the newest per aggregate is what the caller writes. The stored versions are read
     * and locked in one statement ({@code versionsQuery} takes one array parameter of
     * {@code keyType} and answers key, version) and the ledger rows are written in one. The caller
     * then writes, adds the figures and ends with {@link #advance(LedgerBatch)}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <K extends Comparable<K>, D> LedgerBatch<K, D> decide(List<LedgerBatch.Item<K, D>> items, String topic, String source,
                                                                String versionsQuery, String keyType) {
        if (items.isEmpty()) {
            return LedgerBatch.empty(0);
        }
        Set<UUID> seen = alreadyRecorded(items);
        Map<Object, Long> versions = storedVersions(items.stream().map(LedgerBatch.Item::key).distinct().sorted().toList(),
                versionsQuery, keyType);
        List<String> outcomes = new ArrayList<>(items.size());
        Map<K, LedgerBatch.Item<K, D>> newest = new LinkedHashMap<>();
        List<LedgerBatch.Item<K, D>> toRecord = new ArrayList<>();
        List<String> recordedOutcomes = new ArrayList<>();
        Instant through = null;
        for (LedgerBatch.Item<K, D> item : items) {
            IncomingEvent event = item.event();
            if (!seen.add(event.eventId())) {
                outcomes.add(DUPLICATE);
                continue;
            }
            Long current = versions.get(item.key());
            Outcome outcome = current != null && current >= event.aggregateVersion() ? Outcome.STALE : Outcome.APPLIED;
            if (outcome == Outcome.APPLIED) {
                versions.put(item.key(), event.aggregateVersion());
                newest.put(item.key(), item);
            }
            outcomes.add(outcome.name());
            toRecord.add(item);
            recordedOutcomes.add(outcome.name());
            through = through == null || event.occurredAt().isAfter(through) ? event.occurredAt() : through;
        }
        record(toRecord, recordedOutcomes, topic);
        return new LedgerBatch<>(outcomes, newest, source, through);
    }

    /**
     * Moves the source's freshness to the batch's newest event: the last write of the batch's
     * transaction, after the figures, in the order every projection takes these two rows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void advance(LedgerBatch<?, ?> batch) {
        if (batch.through() != null) {
            advance(batch.source(), batch.through());
        }
    }

    /** The events of the batch that the ledger holds already (delivered before). */
    private Set<UUID> alreadyRecorded(List<? extends LedgerBatch.Item<?, ?>> items) {
        Set<UUID> recorded = new HashSet<>();
        ArrayQuery.rows(jdbc(), "select event_id from applied_event where event_id = any(?)", "uuid",
                items.stream().map(i -> i.event().eventId()).toList()).forEach(row -> recorded.add((UUID) row[0]));
        return recorded;
    }

    /** The stored version of each aggregate that has one, its row locked until the transaction ends (keys in order: one lock order). */
    private Map<Object, Long> storedVersions(List<?> keys, String versionsQuery, String keyType) {
        Map<Object, Long> versions = new HashMap<>();
        ArrayQuery.rows(jdbc(), versionsQuery + " order by 1 for update", keyType, keys)
                .forEach(row -> versions.put(row[0], ((Number) row[1]).longValue()));
        return versions;
    }

    /**
     * Writes the ledger rows in one statement. Another consumer that recorded one of these events
     * meanwhile (two replicas reading a partition while the group rebalances) makes the whole batch
     * start again, as any concurrent change does; the event is then a duplicate here.
     */
    private void record(List<? extends LedgerBatch.Item<?, ?>> items, List<String> outcomes, String topic) {
        if (items.isEmpty()) {
            return;
        }
        int n = items.size();
        UnnestRows rows = new UnnestRows("uuid", "varchar", "varchar", "int8", "timestamptz", "varchar");
        for (int i = 0; i < n; i++) {
            IncomingEvent e = items.get(i).event();
            // ISO-8601 text for the time: no calendar arithmetic per element
            rows.add(e.eventId(), topic, e.aggregateId(), e.aggregateVersion(), e.occurredAt().toString(), outcomes.get(i));
        }
        int inserted = rows.execute(jdbc(), """
                insert into applied_event (event_id, topic, aggregate_id, aggregate_version, occurred_at, outcome)
                select * from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::bigint[], ?::timestamptz[], ?::varchar[])
                on conflict (event_id) do nothing""");
        if (inserted != n) {
            throw new OptimisticLockException((n - inserted) + " events of the batch were recorded meanwhile by another consumer");
        }
    }

    private Session jdbc() {
        return em.unwrap(Session.class);
    }

    /**
     * APPLIED when the event is newer than the stored version of its aggregate (locked until the
     * transaction ends), STALE when that version is the same or newer.
     */
    private Outcome compareVersion(IncomingEvent event, String versionQuery, Object aggregateKey) {
        @SuppressWarnings("unchecked")
        List<Number> current = em.createNativeQuery(versionQuery + " for update").setParameter("id", aggregateKey).getResultList();
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

    /**
     * Moves the source's freshness forward and, once the transaction commits, tells live listeners:
     * the last write of a projection's transaction, so that every projection takes this row last.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void advance(String source, Instant through) {
        landed.fire(new FiguresChanged(source));
        em.createNativeQuery("""
                        insert into source_freshness (source, through) values (:source, :through)
                        on conflict (source) do update set through = greatest(source_freshness.through, excluded.through)""")
                .setParameter("source", source)
                .setParameter("through", Timestamp.from(through))
                .executeUpdate();
    }
}
