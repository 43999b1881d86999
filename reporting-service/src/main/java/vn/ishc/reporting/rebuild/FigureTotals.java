package vn.ishc.reporting.rebuild;

import vn.ishc.reporting.figures.FigureDeltas;

import com.carrotsearch.hppc.LongLongHashMap;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A replay's figure deltas summed per (area, figure, day) until they are written. Each key is one
 * long (area and figure numbered in the order they come, and the day) in a primitive hash map: 16
 * bytes a slot, 21 to 43 a key with the map's free slots, where {@link FigureDeltas}' boxed entries
 * take about 150. A national replay's 230,000 keys thus fit whole, in 8.4 MB that live as long as
 * the replay, instead of maps promoted to the old generation and dropped every 50,000 keys.
 */
final class FigureTotals {

    /** How many different areas, or figures, a key has room for. */
    private static final int NAMES = 1 << 16;

    /** One total, as written. */
    interface Row {
        void accept(String area, String figure, LocalDate day, long delta) throws java.sql.SQLException;
    }

    private final List<String> areas = new ArrayList<>();
    private final Map<String, Integer> areaNumbers = new HashMap<>();
    private final List<String> figures = new ArrayList<>();
    private final Map<String, Integer> figureNumbers = new HashMap<>();
    private final LongLongHashMap sums = new LongLongHashMap();

    void plus(FigureDeltas deltas) {
        deltas.forEach((key, delta) -> sums.addTo(key(key), delta));
    }

    /** Keys held, those whose deltas came to zero included. */
    int size() {
        return sums.size();
    }

    boolean isEmpty() {
        return sums.isEmpty();
    }

    void clear() {
        sums.clear();
    }

    /**
     * Each total that is not zero, in the order of their keys: all the days of one area's figure
     * together and in date order, so that the rows go into the table's index in runs.
     */
    void forEach(Row row) throws java.sql.SQLException {
        long[] keys = sums.keys().toArray();
        Arrays.sort(keys);
        for (long key : keys) {
            long delta = sums.get(key);
            if (delta != 0) {
                row.accept(areas.get((int) (key >>> 48)), figures.get((int) (key >>> 32) & 0xFFFF), LocalDate.ofEpochDay((int) key ^ Integer.MIN_VALUE), delta);
            }
        }
    }

    private long key(FigureDeltas.Key key) {
        long area = number(key.area(), areas, areaNumbers);
        long figure = number(key.figure(), figures, figureNumbers);
        // the day's sign bit flipped, so that days before 1970 sort before the others
        return area << 48 | figure << 32 | ((Math.toIntExact(key.day().toEpochDay()) ^ Integer.MIN_VALUE) & 0xFFFFFFFFL);
    }

    private static int number(String name, List<String> names, Map<String, Integer> numbers) {
        Integer known = numbers.get(name);
        if (known != null) {
            return known;
        }
        if (names.size() == NAMES) {
            throw new IllegalStateException("more than " + NAMES + " areas or figures in one replay");
        }
        names.add(name);
        numbers.put(name, names.size() - 1);
        return names.size() - 1;
    }
}
