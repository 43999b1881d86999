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
import vn.ishc.kit.sql.RoundTrip;
import vn.ishc.kit.sql.UnnestRows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

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
     * Decides, in the caller's transaction, the outcome every event of a batch would have had if the
     * events were applied one at a time in their order: a redelivered event (recorded before, or
     * twice in the batch) is a DUPLICATE; an event not newer than its aggregate's stored version, or
     * than an earlier event of the batch, is STALE; the others are APPLIED, and the newest per
     * aggregate is what the caller writes.
     * <p>
     * Adds to {@code reads} the two queries it needs: the ledger's rows of these events, and the stored
     * versions, locked until the transaction ends ({@code versionsQuery} takes one array parameter of
     * {@code keyType} and answers key, version). The caller puts its locks in the trip before them
     * (figures shared, then pledges: every projection locks in one order) and may add reads after
     * them, which then see the aggregates locked; the decision is there once the trip is back. The
     * caller then writes, adds the figures and ends with {@link #advance(LedgerBatch, RoundTrip)},
     * which records the events.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <K extends Comparable<K>, D> Supplier<LedgerBatch<K, D>> decide(RoundTrip reads, List<LedgerBatch.Item<K, D>> items, String topic,
                                                                          String source, String versionsQuery, String keyType) {
        if (items.isEmpty()) {
            return () -> LedgerBatch.empty(0);
        }
        RoundTrip.Answer<Set<UUID>> recorded = reads.answer("select event_id from applied_event where event_id = any(?)", rows -> {
            Set<UUID> ids = new HashSet<>();
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
            return ids;
        }, new RoundTrip.Array("uuid", items.stream().map(i -> i.event().eventId()).toList()));
        // keys in order: one lock order for every writer
        RoundTrip.Answer<Map<Object, Long>> stored = reads.answer(versionsQuery + " order by 1 for update", rows -> {
            Map<Object, Long> versions = new HashMap<>();
            while (rows.next()) {
                versions.put(rows.getObject(1), ((Number) rows.getObject(2)).longValue());
            }
            return versions;
        }, new RoundTrip.Array(keyType, items.stream().map(LedgerBatch.Item::key).distinct().sorted().toList()));
        // on copies: the decision walks the events and changes what it read
        return () -> decided(items, new HashSet<>(recorded.get()), new HashMap<>(stored.get()), topic, source);
    }

    /** {@link #decide(RoundTrip, List, String, String, String, String)} in a round trip of its own, for a caller that has taken its locks. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <K extends Comparable<K>, D> LedgerBatch<K, D> decide(List<LedgerBatch.Item<K, D>> items, String topic, String source,
                                                                String versionsQuery, String keyType) {
        RoundTrip reads = new RoundTrip();
        Supplier<LedgerBatch<K, D>> batch = decide(reads, items, topic, source, versionsQuery, keyType);
        reads.send(jdbc());
        return batch.get();
    }

    private static <K, D> LedgerBatch<K, D> decided(List<LedgerBatch.Item<K, D>> items, Set<UUID> seen, Map<Object, Long> versions,
                                                    String topic, String source) {
        List<String> outcomes = new ArrayList<>(items.size());
        Map<K, LedgerBatch.Item<K, D>> newest = new LinkedHashMap<>();
        UnnestRows records = new UnnestRows("uuid", "varchar", "varchar", "int8", "timestamptz", "varchar");
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
            // ISO-8601 text for the time: no calendar arithmetic per element
            records.add(event.eventId(), topic, event.aggregateId(), event.aggregateVersion(), event.occurredAt().toString(), outcome.name());
            through = through == null || event.occurredAt().isAfter(through) ? event.occurredAt() : through;
        }
        return new LedgerBatch<>(outcomes, newest, source, through, records);
    }

    /**
     * Records the batch's events and moves the source's freshness to its newest event, in one round
     * trip: the last writes of the batch's transaction, after the figures, in the order every
     * projection takes these rows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void advance(LedgerBatch<?, ?> batch) {
        RoundTrip trip = new RoundTrip();
        advance(batch, trip);
        trip.send(jdbc());
    }

    /**
     * Adds to {@code trip} what {@link #advance(LedgerBatch)} writes, for a projection that sends its
     * own writes, the figures' and these in one round trip. Another consumer that recorded one of the
     * events meanwhile (two replicas reading a partition while the group rebalances) makes the whole
     * batch start again, as any concurrent change does; the event is then a duplicate here.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void advance(LedgerBatch<?, ?> batch, RoundTrip trip) {
        if (batch.through() == null) {
            return;
        }
        UnnestRows records = batch.records();
        int n = records.size();
        trip.update("""
                insert into applied_event (event_id, topic, aggregate_id, aggregate_version, occurred_at, outcome)
                select * from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::bigint[], ?::timestamptz[], ?::varchar[])
                on conflict (event_id) do nothing""", inserted -> {
            if (inserted != n) {
                throw new OptimisticLockException((n - inserted) + " events of the batch were recorded meanwhile by another consumer");
            }
        }, records.arrays());
        advance(batch.source(), batch.through(), trip);
    }

    /** Adds the freshness's move to {@code trip} and, once the transaction commits, tells live listeners. */
    private void advance(String source, Instant through, RoundTrip trip) {
        landed.fire(new FiguresChanged(source));
        trip.update(FRESHNESS, source, through.toString());
    }

    /** Moves a source's freshness forward, never back. The time as ISO-8601 text: a parameter of a known type keeps the trip whole. */
    private static final String FRESHNESS = """
            insert into source_freshness (source, through) values (?, ?::timestamptz)
            on conflict (source) do update set through = greatest(source_freshness.through, excluded.through)""";

    private Session jdbc() {
        return em.unwrap(Session.class);
    }
}
