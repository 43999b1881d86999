package vn.ishc.reporting.figures;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Changes to figures as day deltas: the value of a figure in an area on day D is the sum of its
 * deltas on days up to D. Kept sorted, so that the database rows are always locked in one order.
 */
public final class FigureDeltas {

    /** One stored delta: area (district code, or the province code for province-level items), figure key, day. */
    public record Key(String area, String figure, LocalDate day) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = area.compareTo(o.area);
            if (c == 0) {
                c = figure.compareTo(o.figure);
            }
            return c != 0 ? c : day.compareTo(o.day);
        }
    }

    private final TreeMap<Key, Long> deltas = new TreeMap<>();

    /** Adds {@code amount} from {@code from} (inclusive) until {@code until} (exclusive; null = still). */
    public FigureDeltas interval(String area, String figure, LocalDate from, LocalDate until, long amount) {
        if (from == null || amount == 0 || (until != null && !until.isAfter(from))) {
            return this;
        }
        add(new Key(area, figure, from), amount);
        if (until != null) {
            add(new Key(area, figure, until), -amount);
        }
        return this;
    }

    public FigureDeltas add(Key key, long delta) {
        deltas.merge(key, delta, Long::sum);
        if (deltas.get(key) == 0) {
            deltas.remove(key);
        }
        return this;
    }

    public FigureDeltas plus(FigureDeltas other) {
        other.deltas.forEach(this::add);
        return this;
    }

    /** What must change to go from {@code before} to {@code after}. */
    public static FigureDeltas change(FigureDeltas before, FigureDeltas after) {
        FigureDeltas change = new FigureDeltas().plus(after);
        before.deltas.forEach((key, delta) -> change.add(key, -delta));
        return change;
    }

    /** The deltas of one figure only. */
    public FigureDeltas only(String figure) {
        FigureDeltas only = new FigureDeltas();
        deltas.forEach((key, delta) -> {
            if (key.figure.equals(figure)) {
                only.add(key, delta);
            }
        });
        return only;
    }

    public Map<Key, Long> asMap() {
        return Collections.unmodifiableMap(deltas);
    }

    public boolean isEmpty() {
        return deltas.isEmpty();
    }

    /** The value of one figure on a day (for tests and checks; the service reads {@link ReadyFigures}). */
    public long valueOn(String area, String figure, LocalDate day) {
        long sum = 0;
        for (Map.Entry<Key, Long> e : deltas.entrySet()) {
            Key k = e.getKey();
            if (k.area.equals(area) && k.figure.equals(figure) && !k.day.isAfter(day)) {
                sum += e.getValue();
            }
        }
        return sum;
    }
}
