package vn.ishc.reporting.figures;

import vn.ishc.kit.time.SqlTime;

import vn.ishc.reporting.config.Province;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The figures in memory as prefix sums over days, so that a figure on any date is a binary search.
 * Before each read it asks the database for the current revision (one tiny query) and loads only
 * the delta rows changed since; all replicas therefore answer with what has been committed,
 * whichever replica applied it.
 */
@ApplicationScoped
public class ReadyFigures {

    /**
     * The area of contributions and pledges that belong to no district (they count for the province
     * only). Stored under the province's code, but it is not the province total: that is the sum of
     * the districts plus this area.
     */
    public static final String PROVINCE_LEVEL = Province.CODE;

    @Inject
    EntityManager em;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Map<String, Series>> byArea = new HashMap<>();
    private long epoch = -1;
    private long revision = -1;

    /** Every area's figures on a day, for a programme that started on {@code programmeStart}. */
    @Transactional
    public Map<String, EnumMap<Figure, Long>> on(LocalDate day, LocalDate programmeStart) {
        refresh();
        lock.readLock().lock();
        try {
            Map<String, EnumMap<Figure, Long>> result = new HashMap<>();
            byArea.forEach((area, series) -> {
                EnumMap<Figure, Long> values = new EnumMap<>(Figure.class);
                for (Figure figure : Figure.values()) {
                    Series s = series.get(figure.key(programmeStart));
                    values.put(figure, s == null ? 0L : s.valueOn(day));
                }
                result.put(area, values);
            });
            return result;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Where the stored figures stand ("epoch/revision"): it moves with every change and every rebuild. */
    public String stamp() {
        Object[] current = (Object[]) em.createNativeQuery("select epoch, revision from progress_revision").getSingleResult();
        return current[0] + "/" + current[1];
    }

    /** Catches up with the database: nothing to do when the revision has not moved. */
    @Transactional
    public void refresh() {
        Object[] current = (Object[]) em.createNativeQuery("select epoch, revision from progress_revision").getSingleResult();
        long currentEpoch = ((Number) current[0]).longValue();
        long currentRevision = ((Number) current[1]).longValue();
        synchronized (this) {
            if (currentEpoch == epoch && currentRevision <= revision) {
                return;
            }
            // a new epoch (rebuild), or a revision that went back (a database restored from a backup)
            boolean reload = currentEpoch != epoch || currentRevision < revision;
            // Each row carries the epoch it was read in: a rebuild committed since the first query shows.
            String rowsQuery = "select d.area_code, d.figure, d.day, d.delta, d.revision, r.epoch from progress_delta d cross join progress_revision r";
            var query = reload
                    ? em.createNativeQuery(rowsQuery)
                    : em.createNativeQuery(rowsQuery + " where d.revision > :since").setParameter("since", revision);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = query.getResultList();
            lock.writeLock().lock();
            try {
                if (reload) {
                    byArea.clear();
                }
                long newest = currentRevision;
                boolean emptiedMeanwhile = false;
                Set<Series> changed = new HashSet<>();
                for (Object[] r : rows) {
                    emptiedMeanwhile |= ((Number) r[5]).longValue() != currentEpoch;
                    Series series = byArea.computeIfAbsent((String) r[0], a -> new HashMap<>()).computeIfAbsent((String) r[1], f -> new Series());
                    series.set(SqlTime.date(r[2]), ((Number) r[3]).longValue()); // the row holds the day's whole delta
                    changed.add(series);
                    newest = Math.max(newest, ((Number) r[4]).longValue());
                }
                changed.forEach(Series::sum);
                epoch = emptiedMeanwhile ? -1 : currentEpoch; // -1: reload in full next time
                revision = newest;
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /** One figure in one area: its deltas by day and their running sums. */
    private static final class Series {
        private final TreeMap<LocalDate, Long> deltas = new TreeMap<>();
        private long[] days = new long[0];
        private long[] sums = new long[0];

        void set(LocalDate day, long delta) {
            deltas.put(day, delta);
        }

        void sum() {
            days = new long[deltas.size()];
            sums = new long[deltas.size()];
            long running = 0;
            int i = 0;
            for (Map.Entry<LocalDate, Long> e : deltas.entrySet()) {
                running += e.getValue();
                days[i] = e.getKey().toEpochDay();
                sums[i++] = running;
            }
        }

        long valueOn(LocalDate day) {
            int i = Arrays.binarySearch(days, day.toEpochDay());
            int last = i >= 0 ? i : -i - 2; // the last delta day on or before the day
            return last < 0 ? 0 : sums[last];
        }
    }
}
