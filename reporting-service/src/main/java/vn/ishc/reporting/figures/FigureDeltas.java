package vn.ishc.reporting.figures;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Changes to figures as day deltas: the value of a figure in an area on day D is the sum of its
 * deltas on days up to D. Gathered in a hash map (a club's members add thousands of deltas, most
 * on the same keys: a sorted map's comparisons were a fifth of a replay's CPU) and sorted once when
 * read, so that the database rows are always locked in one order.
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

    /** A mutable sum, so that adding to a key is one lookup. */
    private static final class Sum {
        long value;

        Sum(long value) {
            this.value = value;
        }
    }

    private final HashMap<Key, Sum> deltas = new HashMap<>();

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
        if (delta == 0) {
            return this;
        }
        Sum sum = deltas.get(key);
        if (sum == null) {
            deltas.put(key, new Sum(delta));
        } else if ((sum.value += delta) == 0) {
            deltas.remove(key);
        }
        return this;
    }

    public FigureDeltas plus(FigureDeltas other) {
        other.deltas.forEach((key, sum) -> add(key, sum.value));
        return this;
    }

    public FigureDeltas minus(FigureDeltas other) {
        other.deltas.forEach((key, sum) -> add(key, -sum.value));
        return this;
    }

    /** What must change to go from {@code before} to {@code after}. */
    public static FigureDeltas change(FigureDeltas before, FigureDeltas after) {
        return new FigureDeltas().plus(after).minus(before);
    }

    /** The deltas of these figures only. */
    public FigureDeltas only(java.util.Collection<String> figures) {
        FigureDeltas only = new FigureDeltas();
        deltas.forEach((key, sum) -> {
            if (figures.contains(key.figure)) {
                only.add(key, sum.value);
            }
        });
        return only;
    }

    /** The deltas in key order (area, figure, day). */
    public Map<Key, Long> asMap() {
        TreeMap<Key, Long> sorted = new TreeMap<>();
        deltas.forEach((key, sum) -> sorted.put(key, sum.value));
        return Collections.unmodifiableMap(sorted);
    }

    public boolean isEmpty() {
        return deltas.isEmpty();
    }

    /** How many (area, figure, day) keys have a delta. */
    public int size() {
        return deltas.size();
    }

    /** Each delta, in no particular order. */
    public void forEach(java.util.function.ObjLongConsumer<Key> action) {
        deltas.forEach((key, sum) -> action.accept(key, sum.value));
    }

    /** The value of one figure on a day (for tests and checks; the service reads {@link ReadyFigures}). */
    public long valueOn(String area, String figure, LocalDate day) {
        long sum = 0;
        for (Map.Entry<Key, Sum> e : deltas.entrySet()) {
            Key k = e.getKey();
            if (k.area.equals(area) && k.figure.equals(figure) && !k.day.isAfter(day)) {
                sum += e.getValue().value;
            }
        }
        return sum;
    }
}
