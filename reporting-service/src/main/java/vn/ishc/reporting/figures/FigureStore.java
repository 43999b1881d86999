package vn.ishc.reporting.figures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import vn.ishc.kit.sql.RoundTrip;
import vn.ishc.kit.sql.UnnestRows;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The stored figures: day deltas per (area, figure, day) in {@code progress_delta}, and one
 * {@code progress_revision} row that every change increments. Each changed delta row takes the
 * new revision, so a reader that knows revision r reads only the rows changed since.
 * Called inside the transaction that applies an event, so figures and projections commit together.
 * The projected records themselves are read through {@link ProjectedFacts}.
 */
@ApplicationScoped
public class FigureStore {

    /**
     * The tables of stored figures, which a rebuild builds again beside the live ones with the
     * projections: the deltas, and the revision row that serialises their writers (so that a
     * replay's writes neither wait for the live ones nor make readers drop their cached documents).
     */
    public static final List<String> TABLES = List.of("progress_delta", "progress_revision");

    /** Projections hold this advisory lock shared; rebuilding the figures, and administrative units, hold it alone. */
    public static final long FIGURES_LOCK = 0x15_4C_F1_60L;

    @Inject
    EntityManager em;

    /**
     * A pledge's outstanding amount depends on the pledge and on every contribution naming it, which
     * arrive on different topics: events touching the same pledge compute its figures one at a time.
     * Two-key advisory locks (a key space apart from {@link #FIGURES_LOCK}), taken in one order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockPledges(Collection<UUID> pledgeIds) {
        pledgeIds.stream().filter(java.util.Objects::nonNull).map(id -> id.hashCode()).distinct().sorted().forEach(key ->
                em.createNativeQuery("select pg_advisory_xact_lock(" + PLEDGE_LOCK_CLASS + ", :key)").setParameter("key", key).getSingleResult());
    }

    private static final int PLEDGE_LOCK_CLASS = 1;

    /** Taken first in each projection transaction that can change figures (clubs, contributions, pledges): waits while they are being recomputed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockShared() {
        lockShared(new RoundTrip()).send(em.unwrap(Session.class));
    }

    /** {@link #lockShared()} as the first statement of a round trip the caller sends. */
    public RoundTrip lockShared(RoundTrip trip) {
        return trip.query("select pg_advisory_xact_lock_shared(?)", rows -> { }, FIGURES_LOCK);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lockExclusive() {
        em.createNativeQuery("select pg_advisory_xact_lock(:key)").setParameter("key", FIGURES_LOCK).getSingleResult();
    }

    /** A contribution or pledge without a district counts for the province only. */
    public static String area(String district) {
        return district == null ? ReadyFigures.PROVINCE_LEVEL : district;
    }

    /**
     * The area something is recorded to: its district if it has one (before the 2025 reform), else its
     * commune (after it), else the province level (decision 0013).
     */
    public static String area(String district, String commune) {
        return district != null ? district : commune != null ? commune : ReadyFigures.PROVINCE_LEVEL;
    }

    /**
     * While set on a thread, {@link #add} gathers the deltas here instead of writing them: a rebuild's
     * replay writes its shadow figures in bulk ({@link #gathering}).
     */
    private static final ThreadLocal<FigureDeltas> GATHERING = new ThreadLocal<>();

    /**
     * Runs {@code work} with every {@link #add} on this thread gathered into {@code into} instead of
     * written. For a rebuild's replay: its shadow figures are read by nobody until the switch, and the
     * same (area, figure, day) rows were written again by every batch (a third of the replay's CPU).
     * The caller keeps {@code into} only once the work's transaction has committed.
     */
    public static <T> T gathering(FigureDeltas into, java.util.function.Supplier<T> work) {
        FigureDeltas outer = GATHERING.get();
        GATHERING.set(into);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                GATHERING.remove();
            } else {
                GATHERING.set(outer);
            }
        }
    }

    /**
     * Adds the deltas to the stored figures under a new revision. Taking the revision row first
     * serialises the writers, so revisions follow commit order (what {@link ReadyFigures} relies on).
     * The rows are written in (area, figure, day) order, one lock order for every writer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(FigureDeltas deltas) {
        RoundTrip trip = new RoundTrip();
        add(deltas, trip);
        trip.send(em.unwrap(Session.class));
    }

    /**
     * Adds to {@code trip} what {@link #add(FigureDeltas)} writes, for a projection that sends its
     * writes in one round trip. The revision row is updated by a CTE of the same statement:
     * PostgreSQL runs such a CTE in no set order with the rest, but the insert needs the new
     * revision it returns before its first row, so the revision row is taken before any delta row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(FigureDeltas deltas, RoundTrip trip) {
        if (deltas.isEmpty()) {
            return;
        }
        FigureDeltas gathering = GATHERING.get();
        if (gathering != null) {
            gathering.plus(deltas);
            return;
        }
        trip.update("""
                with next as (update progress_revision set revision = revision + 1 returning revision)
                insert into progress_delta (area_code, figure, day, delta, revision)
                select a, f, d, x, (select revision from next) from unnest(?::varchar[], ?::varchar[], ?::date[], ?::bigint[]) as t(a, f, d, x)
                order by a, f, d
                on conflict (area_code, figure, day)
                do update set delta = progress_delta.delta + excluded.delta, revision = excluded.revision""", deltaRows(deltas).arrays());
    }

    /** The deltas as four columns (area, figure, day, amount), for a statement that unnests them. */
    private static UnnestRows deltaRows(FigureDeltas deltas) {
        UnnestRows rows = new UnnestRows("varchar", "varchar", "date", "int8");
        deltas.forEach((key, delta) -> rows.add(key.area(), key.figure(), key.day(), delta));
        return rows;
    }

    /**
     * Something else progress documents show has changed (administrative units, approved plans,
     * targets): a new revision makes every replica drop its cached documents, and a new reference
     * revision the areas and plans it keeps for them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void documentsChanged() {
        em.createNativeQuery("update progress_revision set revision = revision + 1, reference_revision = reference_revision + 1").executeUpdate();
    }

    /** Forgets every stored figure; readers reload everything (a new epoch). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clear() {
        em.createNativeQuery("truncate table progress_delta").executeUpdate();
        em.createNativeQuery("update progress_revision set epoch = epoch + 1, revision = revision + 1").executeUpdate();
    }
}
