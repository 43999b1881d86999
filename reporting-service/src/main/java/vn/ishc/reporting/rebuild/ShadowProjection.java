package vn.ishc.reporting.rebuild;

import vn.ishc.reporting.figures.FigureStore;
import vn.ishc.reporting.projection.ProjectedTables;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The shadow copy of the projections a rebuild fills: the same tables in schema {@code rebuild}.
 * The projections write unqualified table names, so a transaction that puts {@code rebuild} first
 * on its search path applies events to the shadow with the live code (programmes and targets,
 * which are not rebuilt, are still found in {@code public}). Switching moves the live tables out
 * and the shadow ones in, in one transaction.
 */
@ApplicationScoped
public class ShadowProjection {

    static final String SCHEMA = "rebuild";
    /** The replay run the shadow was prepared for, and its transactions committed there (see {@link #inShadow}). */
    private static final String COMMITS = SCHEMA + ".replay_commits";
    private static final String RETIRED = "rebuild_retired";

    @Inject
    EntityManager em;

    static List<String> tables() {
        List<String> tables = new ArrayList<>(ProjectedTables.TABLES);
        tables.addAll(FigureStore.TABLES);
        return tables;
    }

    /**
     * Empty shadow tables shaped like the live ones (columns, defaults, checks, indexes, and the foreign
     * keys between them), for one replay run; the token that run's transactions in the shadow name.
     */
    public String prepare() {
        String run = java.util.UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            sql("drop schema if exists " + SCHEMA + " cascade");
            sql("create schema " + SCHEMA);
            List<Object[]> foreignKeys = new ArrayList<>();
            for (String table : tables()) {
                sql("create table " + SCHEMA + "." + table + " (like public." + table + " including all)");
                @SuppressWarnings("unchecked")
                List<Object[]> keys = em.createNativeQuery("""
                                select conname, pg_get_constraintdef(oid) from pg_constraint
                                where contype = 'f' and conrelid = cast(:table as regclass) order by conname""")
                        .setParameter("table", "public." + table).getResultList();
                keys.forEach(k -> foreignKeys.add(new Object[] {table, k[0], k[1]}));
            }
            sql("insert into " + SCHEMA + ".progress_revision (id, epoch, revision, built) values (1, 0, 0, true)");
            sql("create table " + COMMITS + " (id int primary key check (id = 1), run text not null, commits bigint not null)");
            em.createNativeQuery("insert into " + COMMITS + " values (1, :run, 0)").setParameter("run", run).executeUpdate();
            sql(ShadowFigures.createPartsTable());
            // With the shadow schema alone on the path, each key's unqualified parent is the shadow parent.
            searchPath(SCHEMA);
            for (Object[] k : foreignKeys) {
                sql("alter table " + SCHEMA + "." + k[0] + " add constraint " + k[1] + " " + k[2]);
            }
        });
        return run;
    }

    /**
     * Runs {@code work} in a new transaction that reads and writes the shadow projections. Its commit
     * does not wait for the disk ({@code synchronous_commit} off): a national replay makes well over a
     * thousand, each of which waited for the log's flush (decision 0014). A database that stops hard
     * may lose the last of them, but only in the order they were made (PostgreSQL writes its log in
     * order, and any commit that waits, such as the switch's, has the earlier ones written first); each
     * one also counts itself in the shadow, so that {@link #committed} tells a replay whether the
     * database holds exactly what it committed before it switches. {@code run} is the token of
     * {@link #prepare}: a replay whose shadow was prepared again for another run (it was taken over)
     * is told so before it writes anything, and stops.
     */
    public <T> T inShadow(String run, Supplier<T> work) {
        return QuarkusTransaction.requiringNew().timeout(300).call(() -> {
            List<?> counted = em.createNativeQuery("with counted as (update " + COMMITS + " set commits = commits + 1 where run = :run returning 1) "
                            + "select set_config('search_path', :path, true), set_config('synchronous_commit', 'off', true) from counted")
                    .setParameter("run", run).setParameter("path", SCHEMA + ", public").getResultList();
            if (counted.isEmpty()) {
                throw new Replay.Abandoned("the shadow was prepared again for another run");
            }
            return work.get();
        });
    }

    /** How many transactions {@link #inShadow} committed for {@code run} that the database holds, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long committed(String run) {
        List<?> commits = em.createNativeQuery("select commits from " + COMMITS + " where run = :run").setParameter("run", run).getResultList();
        if (commits.isEmpty()) {
            throw new Replay.Abandoned("the shadow was prepared again for another run");
        }
        return ((Number) commits.get(0)).longValue();
    }

    /** From now until the caller's transaction ends, unqualified table names mean the shadow projections. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void use() {
        searchPath(SCHEMA + ", public");
    }

    /** In the caller's transaction (holding the figures' lock alone): the shadow tables become the live ones. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void switchIn() {
        // A new epoch, and revisions that only go forward: every replica drops what it holds and reloads.
        sql("update " + SCHEMA + ".progress_revision s set epoch = p.epoch + 1, revision = greatest(s.revision, p.revision) + 1 "
                + "from public.progress_revision p");
        sql("drop schema if exists " + RETIRED + " cascade");
        sql("create schema " + RETIRED);
        for (String table : tables()) {
            sql("alter table public." + table + " set schema " + RETIRED);
            sql("alter table " + SCHEMA + "." + table + " set schema public");
        }
        sql("drop schema " + RETIRED + " cascade");
        sql("drop schema " + SCHEMA + " cascade");
    }

    /**
     * Gives the planner statistics of the shadow tables as they fill. Created empty, they have no column
     * statistics until autovacuum analyzes them, which can take a minute or more while it works on the
     * live tables; meanwhile the planner guessed that a lookup by {@code id = any(…)} matches most rows,
     * and the replay scanned whole tables that grew with every batch (docs/benchmarks.md, "Shadow
     * tables analyzed during the replay").
     * The statistics stay with the tables when they are switched in.
     */
    public void analyze() {
        // One statement for all of them: one round trip.
        String shadowTables = tables().stream().map(t -> SCHEMA + "." + t).collect(Collectors.joining(", "));
        QuarkusTransaction.requiringNew().run(() -> sql("analyze " + shadowTables));
    }

    /** Forgets a shadow left by a rebuild that will not finish. */
    public void drop() {
        QuarkusTransaction.requiringNew().run(() -> sql("drop schema if exists " + SCHEMA + " cascade"));
    }

    private void searchPath(String path) {
        em.createNativeQuery("select set_config('search_path', :path, true)").setParameter("path", path).getSingleResult();
    }

    private void sql(String statement) {
        em.createNativeQuery(statement).executeUpdate();
    }
}
