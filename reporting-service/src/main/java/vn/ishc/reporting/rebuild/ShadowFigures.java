package vn.ishc.reporting.rebuild;

import vn.ishc.kit.sql.CopyRows;
import vn.ishc.reporting.figures.FigureDeltas;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.util.Collection;


/**
 * A replay's figures on their way into the shadow. Upserting them into {@code progress_delta} as
 * they came cost more than a third of a national replay (each member adds days of its own, so most
 * rows were new, and each went through two indexes). The replay sums them in memory
 * ({@link FigureTotals}) and copies the sums into the shadow's empty {@code progress_delta} with
 * {@code COPY}; sums written later (a replay too large to hold at once, the switch's last stretch)
 * are copied into an unindexed table and folded in with one grouped statement.
 */
@ApplicationScoped
public class ShadowFigures {

    private static final Logger LOG = Logger.getLogger(ShadowFigures.class);

    private static final String PARTS = ShadowProjection.SCHEMA + ".figure_parts";
    private static final String FIGURES = ShadowProjection.SCHEMA + ".progress_delta";
    private static final String REVISION = "(select revision from " + ShadowProjection.SCHEMA + ".progress_revision)";
    private static final String COPY_PARTS = "copy " + PARTS + " (area_code, figure, day, delta) from stdin";

    @Inject
    EntityManager em;

    /** The table the parts wait in, created with the shadow (and dropped with it). */
    static String createPartsTable() {
        return "create table " + PARTS + " (area_code varchar(10) not null, figure varchar(60) not null, day date not null, delta bigint not null)";
    }

    /**
     * Writes the totals into the shadow, in the caller's (shadow) transaction: copied straight into
     * its {@code progress_delta} while that is empty, else appended to the parts and folded in.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(FigureTotals totals) {
        if (totals.isEmpty()) {
            return;
        }
        if (figuresEmpty()) {
            long began = System.nanoTime();
            long revision = ((Number) em.createNativeQuery("select " + REVISION)
                    .getSingleResult()).longValue();
            long rows = CopyRows.copy(em.unwrap(Session.class),
                    "copy " + FIGURES + " (area_code, figure, day, delta, revision) from stdin",
                    copy -> totals.forEach((area, figure, day, delta) -> copy.row(area, figure, day, delta, revision)));
            LOG.infof("Rebuild: %d figure rows copied into the shadow in %.1f s", rows, (System.nanoTime() - began) / 1e9);
        } else {
            append(totals);
            fold();
        }
    }

    private boolean figuresEmpty() {
        return (Boolean) em.createNativeQuery("select not exists (select 1 from " + FIGURES + ")").getSingleResult();
    }

    /** Appends the totals to the parts, in the caller's (shadow) transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(FigureTotals totals) {
        if (!totals.isEmpty()) {
            CopyRows.copy(em.unwrap(Session.class), COPY_PARTS,
                    copy -> totals.forEach((area, figure, day, delta) -> copy.row(area, figure, day, delta)));
        }
    }

    /** Appends the deltas to the parts, in the caller's (shadow) transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(FigureDeltas deltas) {
        FigureTotals totals = new FigureTotals();
        totals.plus(deltas);
        append(totals);
    }

    /**
     * Puts {@code deltas} in place of every shadow figure under {@code figureKeys}, in the caller's
     * (shadow) transaction, once the parts are folded: for a programme start that came during the
     * replay, whose figures the events replayed before it did not count.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(Collection<String> figureKeys, FigureDeltas deltas) {
        int removed = em.createNativeQuery("delete from " + FIGURES + " where figure in (:keys)").setParameter("keys", figureKeys).executeUpdate();
        LOG.infof("Rebuild: %d figure rows of %s removed from the shadow, to be computed again", removed, figureKeys);
        append(deltas);
        fold();
    }

    /**
     * Adds the parts to the shadow's {@code progress_delta}, summed per (area, figure, day), and empties
     * them. Nobody else writes the shadow's figures, so no lock order is needed; the grouping gets the
     * memory to do its work in memory (a national replay leaves about a million parts).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fold() {
        long began = System.nanoTime();
        em.createNativeQuery("select set_config('work_mem', '64MB', true)").getSingleResult();
        int rows = em.createNativeQuery("insert into " + FIGURES + " (area_code, figure, day, delta, revision) "
                + "select area_code, figure, day, sum(delta), " + REVISION + " "
                + "from " + PARTS + " group by area_code, figure, day having sum(delta) <> 0 "
                + "on conflict (area_code, figure, day) do update set delta = progress_delta.delta + excluded.delta, "
                + "revision = excluded.revision").executeUpdate();
        em.createNativeQuery("truncate " + PARTS).executeUpdate();
        LOG.infof("Rebuild: %d figure rows folded into the shadow in %.1f s", rows, (System.nanoTime() - began) / 1e9);
    }
}
