package vn.ishc.reporting.projection;

import vn.ishc.kit.events.IncomingEvent;

import vn.ishc.kit.sql.UnnestRows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the ledger decided for one batch of events of a topic, in their order: each event's outcome
 * (APPLIED, STALE, or DUPLICATE for a redelivery), and for every aggregate that changed, its
 * newest applied event: the state to write.
 */
public final class LedgerBatch<K, D> {

    /** One event with the data read from it and the key of its aggregate. */
    public record Item<K, D>(IncomingEvent event, D data, K key) {
    }

    private final List<String> outcomes;
    private final Map<K, Item<K, D>> newest;
    private final String source;
    private final Instant through;
    /** The ledger rows of the events that are not duplicates, written when the batch ends ({@link ProjectionLedger#advance}). */
    private final UnnestRows records;

    LedgerBatch(List<String> outcomes, Map<K, Item<K, D>> newest, String source, Instant through, UnnestRows records) {
        this.outcomes = Collections.unmodifiableList(outcomes);
        this.newest = Collections.unmodifiableMap(newest);
        this.source = source;
        this.through = through;
        this.records = records;
    }

    static <K, D> LedgerBatch<K, D> empty(int size) {
        return new LedgerBatch<>(new ArrayList<>(Collections.nCopies(size, ProjectionLedger.DUPLICATE)), new LinkedHashMap<>(), null, null,
                new UnnestRows("uuid"));
    }

    UnnestRows records() {
        return records;
    }

    String source() {
        return source;
    }

    /** When the newest event the batch recorded occurred; null when all were duplicates. */
    Instant through() {
        return through;
    }

    /** Each event's outcome, in the order the events came. */
    public List<String> outcomes() {
        return outcomes;
    }

    /** Per aggregate the batch changed, its newest applied event: the state to write. In first-seen order. */
    public Map<K, Item<K, D>> newest() {
        return newest;
    }
}
