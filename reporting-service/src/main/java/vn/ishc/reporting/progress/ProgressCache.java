package vn.ishc.reporting.progress;

import vn.ishc.kit.metrics.StageTimers;
import vn.ishc.reporting.figures.FiguresChanged;
import vn.ishc.reporting.projection.SourceFreshness;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Progress documents already computed, valid while nothing they depend on has changed: the stored
 * figures (epoch, revision — programmes and targets bump it too) and how far each source has been
 * applied. The stamp of those is read after every change this replica commits and every 100 ms
 * (changes committed by other replicas), so a reader never waits on the database for a document
 * someone has already asked for; each move of the stamp is announced to live listeners.
 */
@ApplicationScoped
public class ProgressCache {

    private static final int MAX_DOCUMENTS = 2000;

    @Inject
    DataSource dataSource;

    @Inject
    ProgressChanges changes;

    @Inject
    DocumentJson json;

    private record Key(String programme, LocalDate asOf) {
    }

    private record Entry(String stamp, ProgressDocument document) {
    }

    @Inject
    MeterRegistry metrics;

    private final Map<Key, Entry> documents = new ConcurrentHashMap<>();
    /** Readers of a document that is being computed for the current stamp wait for it rather than compute it too. */
    private final SingleFlight<Key, ProgressDocument> computations = new SingleFlight<>();
    /** When the first change not yet in the stamp committed here (nanoTime; 0: none waiting). */
    private final AtomicLong committedAt = new AtomicLong();
    private Timer computing;
    private Timer stampMoved;
    private Counter stampFailures;
    private volatile String stamp = "";
    /** Where what documents read besides figures stands (epoch, reference revision), read with the stamp. */
    private volatile String referenceStamp = "";

    /**
     * The reference stamp as last read; it moves in the same statement as the stamp, so a document
     * computed with reference data of an older one is replaced as soon as the stamp is read again. Empty before the first read.
     */
    String referenceStamp() {
        return referenceStamp;
    }

    /** The document kept for the figures as they stand now, or null: what a reader has without any database work. */
    ProgressDocument ready(String programme, LocalDate asOf) {
        return kept(new Key(programme, asOf), stamp);
    }

    private ProgressDocument kept(Key key, String current) {
        Entry entry = current.isEmpty() ? null : documents.get(key);
        return entry != null && entry.stamp().equals(current) ? entry.document() : null;
    }

    ProgressDocument get(String programme, LocalDate asOf, Supplier<ProgressDocument> compute) {
        String current = stamp;
        if (current.isEmpty()) {
            return timed(compute); // before the first read of the stamp nothing is kept, nor shared
        }
        Key key = new Key(programme, asOf);
        ProgressDocument kept = kept(key, current);
        if (kept != null) {
            return kept;
        }
        return computations.get(key, current, () -> {
            ProgressDocument document = timed(compute);
            if (documents.size() >= MAX_DOCUMENTS) {
                documents.clear();
                json.releasedAll();
            }
            // Written here, on the computing thread: a kept document is then answered on the event loop with its JSON ready.
            json.keep(document);
            Entry replaced = documents.put(key, new Entry(current, document));
            if (replaced != null) {
                json.released(replaced.document());
            }
            return document;
        });
    }

    private ProgressDocument timed(Supplier<ProgressDocument> compute) {
        long started = System.nanoTime();
        ProgressDocument document = compute.get();
        computing.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return document;
    }

    /**
     * Read the stamp now. For an applied event on the poller's thread, so that the consumer goes on
     * with its next event; for a change made through this API (targets), before the response, so
     * that the caller's next read shows it.
     */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) FiguresChanged landed) {
        committedAt.compareAndSet(0, System.nanoTime());
        if (FiguresChanged.PROGRAMME.equals(landed.source())) {
            poll();
        } else if (pending.compareAndSet(false, true)) {
            try {
                poller.execute(() -> {
                    pending.set(false);
                    poll();
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                pending.set(false);
            }
        }
    }

    private final java.util.concurrent.atomic.AtomicBoolean pending = new java.util.concurrent.atomic.AtomicBoolean();

    // Quarkus's scheduler ticks at most once a second; other replicas' changes should show sooner.
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "progress-stamp"));

    @PostConstruct
    void registerTimers() {
        computing = StageTimers.of(metrics, "ishc_progress_compute", "Computing a progress document the cache did not hold");
        stampMoved = StageTimers.of(metrics, "ishc_progress_stamp_after_commit", "From a change committed here to the stamp that announces it");
        stampFailures = metrics.counter("ishc_progress_stamp_failures_total");
    }

    void startPolling(@Observes StartupEvent start) {
        poller.scheduleWithFixedDelay(this::poll, 0, 100, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopPolling() {
        poller.shutdownNow();
    }

    private void poll() {
        try {
            readStamp();
        } catch (SQLException | RuntimeException e) {
            // the database is away for a moment (or no connection was free): documents stay as they are until it is back
            stampFailures.increment();
        }
    }

    /**
     * Where the stored figures stand (epoch, revision) and what {@link SourceFreshness#through()} says, in one statement on
     * a connection of its own, outside a transaction: it runs ten times a second and after every
     * applied batch, and the two queries in a transaction of their own took a tenth of reporting's CPU
     * under load.
     */
    private static final String STAMP = """
            select r.epoch || '/' || r.revision
                   || '/' || coalesce((select through::text from source_freshness where source = 'registry'), '-')
                   || '/' || coalesce((select through::text from source_freshness where source = 'funding'), '-'),
                   r.epoch || '/' || r.reference_revision
            from progress_revision r""";

    /** Serialised, so the stamp only moves forward; listeners hear of each move once. */
    private synchronized void readStamp() throws SQLException {
        String read;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(STAMP)) {
            row.next();
            read = row.getString(1);
            referenceStamp = row.getString(2);
        }
        if (!read.equals(stamp)) {
            long committed = committedAt.getAndSet(0);
            if (committed != 0) {
                stampMoved.record(System.nanoTime() - committed, TimeUnit.NANOSECONDS);
            }
            stamp = read;
            changes.announce(read);
        }
    }
}
