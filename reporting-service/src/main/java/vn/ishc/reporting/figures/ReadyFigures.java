package vn.ishc.reporting.figures;

import vn.ishc.reporting.config.Province;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
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
            String rowsQuery = "select d.area_code, d.figure, d.day, d.delta, d.revision, r.epoch from progress_delta d cross join progress_revision r"
                    + (reload ? "" : " where d.revision > ?");
            // A reload builds the figures apart, streaming the rows (millions at national size), and swaps
            // them in at the end: readers keep the previous figures meanwhile.
            // A catch-up reads its few rows first and takes the readers' lock only to merge them.
            Map<String, Map<String, Series>> target = reload ? new HashMap<>() : byArea;
            List<ChangedDay> read = new ArrayList<>();
            long[] newest = {currentRevision};
            boolean[] emptiedMeanwhile = {false};
            Set<Series> changed = new HashSet<>();
            try {
                em.unwrap(Session.class).doWork(connection -> {
                    try (PreparedStatement query = connection.prepareStatement(rowsQuery)) {
                        if (!reload) {
                            query.setLong(1, revision);
                        }
                        query.setFetchSize(10_000);
                        try (ResultSet r = query.executeQuery()) {
                            while (r.next()) {
                                emptiedMeanwhile[0] |= r.getLong(6) != currentEpoch;
                                // the row holds the day's whole delta; a reload sets it straight into its series
                                long day = r.getObject(3, LocalDate.class).toEpochDay();
                                if (reload) {
                                    changed.add(setIn(target, r.getString(1), r.getString(2), day, r.getLong(4)));
                                } else {
                                    read.add(new ChangedDay(r.getString(1), r.getString(2), day, r.getLong(4)));
                                }
                                newest[0] = Math.max(newest[0], r.getLong(5));
                            }
                        }
                    }
                });
                if (reload) {
                    changed.forEach(Series::sum);
                    lock.writeLock().lock();
                    byArea.clear();
                    byArea.putAll(target);
                } else {
                    lock.writeLock().lock();
                    read.forEach(day -> changed.add(day.setIn(byArea)));
                    changed.forEach(Series::sum);
                }
                epoch = emptiedMeanwhile[0] ? -1 : currentEpoch; // -1: reload in full next time
                revision = newest[0];
            } finally {
                if (lock.isWriteLockedByCurrentThread()) {
                    lock.writeLock().unlock();
                }
            }
            if (reload) {
                returnHeapToTheSystem();
            }
        }
    }

    /**
     * A reload (at the start, and on each replica after a rebuild's switch) builds the figures beside
     * the previous ones, after a rebuild's replay has filled the heap. The serial collector gives
     * committed heap back only at a full collection, which may not come for days: one here, once per
     * reload, with -XX:-ShrinkHeapInSteps (else the first collection gives back nothing), took
     * reporting's committed heap after a national rebuild from 101 MB to 81–87 MB (docs/benchmarks.md, "Memory").
     */
    private static void returnHeapToTheSystem() {
        System.gc();
    }

    /** A stored day delta read by a catch-up, kept until the readers' lock is taken. */
    private record ChangedDay(String area, String figure, long epochDay, long delta) {
        Series setIn(Map<String, Map<String, Series>> figures) {
            return ReadyFigures.setIn(figures, area, figure, epochDay, delta);
        }
    }

    /** Sets a day's delta into its series (pending until {@link Series#sum}); answers the series. */
    private static Series setIn(Map<String, Map<String, Series>> figures, String area, String figure, long epochDay, long delta) {
        Series series = figures.computeIfAbsent(area, a -> new HashMap<>()).computeIfAbsent(figure, f -> new Series());
        series.set(epochDay, delta);
        return series;
    }

    /**
     * One figure in one area: its deltas by day and their running sums, in sorted primitive arrays
     * (24 bytes a day, where boxed map entries took about 100: at national size there are millions).
     * Changes read in one refresh wait in {@code pending} until {@link #sum} merges them.
     */
    private static final class Series {
        private long[] days = new long[0];
        private long[] deltas = new long[0];
        private long[] sums = new long[0];
        private TreeMap<Long, Long> pending;

        void set(long epochDay, long delta) {
            if (pending == null) {
                pending = new TreeMap<>();
            }
            pending.put(epochDay, delta);
        }

        void sum() {
            if (pending != null) {
                merge();
                pending = null;
            }
            long running = 0;
            for (int i = 0; i < days.length; i++) {
                running += deltas[i];
                sums[i] = running;
            }
        }

        /**
         * The stored days and the pending ones in one sorted run; a pending day replaces a stored one.
         * A change to days the series has already is written in place: most live changes are, and
         * copying every series at every refresh was the largest share of reporting's allocation.
         */
        private void merge() {
            int added = 0;
            for (long day : pending.keySet()) {
                if (Arrays.binarySearch(days, day) < 0) {
                    added++;
                }
            }
            if (added == 0) {
                pending.forEach((day, delta) -> deltas[Arrays.binarySearch(days, day)] = delta);
                return;
            }
            int capacity = days.length + added;
            long[] mergedDays = new long[capacity];
            long[] mergedDeltas = new long[capacity];
            int i = 0;
            int n = 0;
            for (Map.Entry<Long, Long> change : pending.entrySet()) {
                long day = change.getKey();
                while (i < days.length && days[i] < day) {
                    mergedDays[n] = days[i];
                    mergedDeltas[n++] = deltas[i++];
                }
                if (i < days.length && days[i] == day) {
                    i++;
                }
                mergedDays[n] = day;
                mergedDeltas[n++] = change.getValue();
            }
            while (i < days.length) {
                mergedDays[n] = days[i];
                mergedDeltas[n++] = deltas[i++];
            }
            days = mergedDays;
            deltas = mergedDeltas;
            sums = new long[capacity];
        }

        long valueOn(LocalDate day) {
            int i = Arrays.binarySearch(days, day.toEpochDay());
            int last = i >= 0 ? i : -i - 2; // the last delta day on or before the day
            return last < 0 ? 0 : sums[last];
        }
    }
}
