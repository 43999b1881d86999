package vn.ishc.funding.replica;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import vn.ishc.kit.sql.ArrayQuery;
import vn.ishc.kit.sql.UnnestRows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The bookkeeping that makes the replica idempotent, for a whole batch in the caller's transaction:
 * each event gets the outcome it would have had if applied alone, in order. A redelivered event
 * (recorded before, or twice in the batch) is a DUPLICATE and changes nothing; one not newer than
 * its aggregate's stored version, or than an earlier event of the batch, is STALE (recorded, as
 * before batches); the others are APPLIED, and the newest per aggregate is the state to write.
 */
@ApplicationScoped
public class ReplicaLedger {

    public static final String APPLIED = "APPLIED";
    public static final String STALE = "STALE";
    public static final String DUPLICATE = "DUPLICATE";

    /** Each event's outcome in the order they came, and per aggregate that changed its newest applied event (first-seen order). */
    public record Decision<K, D>(List<String> outcomes, Map<K, ReplicaEvent<K, D>> newest) {
    }

    @Inject
    EntityManager em;

    /**
     * {@code versionsQuery} takes one array of {@code keyType} and answers key and stored version;
     * the rows it finds stay locked until the transaction ends, taken in key order (one lock order
     * for every consumer).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <K, D> Decision<K, D> decide(List<ReplicaEvent<K, D>> events, String versionsQuery, String keyType) {
        Set<UUID> seen = recorded(events);
        Map<Object, Long> versions = storedVersions(events.stream().map(ReplicaEvent::key).distinct().toArray(), versionsQuery, keyType);
        List<String> outcomes = new ArrayList<>(events.size());
        Map<K, ReplicaEvent<K, D>> newest = new LinkedHashMap<>();
        List<ReplicaEvent<K, D>> toRecord = new ArrayList<>();
        for (ReplicaEvent<K, D> e : events) {
            if (!seen.add(e.event().eventId())) {
                outcomes.add(DUPLICATE);
                continue;
            }
            toRecord.add(e);
            Long stored = versions.get(e.key());
            if (stored != null && stored >= e.event().aggregateVersion()) {
                outcomes.add(STALE);
                continue;
            }
            versions.put(e.key(), e.event().aggregateVersion());
            newest.put(e.key(), e);
            outcomes.add(APPLIED);
        }
        record(toRecord);
        return new Decision<>(outcomes, newest);
    }

    private Set<UUID> recorded(List<? extends ReplicaEvent<?, ?>> events) {
        Set<UUID> recorded = new HashSet<>();
        ArrayQuery.rows(session(), "select event_id from applied_event where event_id = any(?)", "uuid",
                events.stream().map(e -> e.event().eventId()).toList()).forEach(row -> recorded.add((UUID) row[0]));
        return recorded;
    }

    private Map<Object, Long> storedVersions(Object[] keys, String versionsQuery, String keyType) {
        Map<Object, Long> versions = new HashMap<>();
        ArrayQuery.rows(session(), versionsQuery + " order by 1 for update", keyType, List.of(keys))
                .forEach(row -> versions.put(row[0], ((Number) row[1]).longValue()));
        return versions;
    }

    /**
     * Records the events in one statement. Another consumer that recorded one of them meanwhile (two
     * replicas reading a partition while the group rebalances) makes the batch start again, where
     * that event is then a duplicate.
     */
    private void record(List<? extends ReplicaEvent<?, ?>> events) {
        if (events.isEmpty()) {
            return;
        }
        UnnestRows rows = new UnnestRows("uuid", "varchar");
        events.forEach(e -> rows.add(e.event().eventId(), e.topic()));
        int inserted = rows.execute(session(), """
                insert into applied_event (event_id, topic)
                select * from unnest(?::uuid[], ?::varchar[]) on conflict (event_id) do nothing""");
        if (inserted != events.size()) {
            throw new OptimisticLockException((events.size() - inserted) + " events of the batch were recorded meanwhile by another consumer");
        }
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
