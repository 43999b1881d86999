package vn.ishc.reporting.rebuild;

import vn.ishc.reporting.figures.FigureDeltas;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FigureTotalsTest {

    private static final LocalDate DAY = LocalDate.of(2017, 5, 1);

    private static List<String> rows(FigureTotals totals) throws SQLException {
        List<String> rows = new ArrayList<>();
        totals.forEach((area, figure, day, delta) -> rows.add(area + " " + figure + " " + day + " " + delta));
        return rows;
    }

    @Test
    void deltasOfTheSameAreaFigureAndDaySumAcrossBatches() throws SQLException {
        FigureTotals totals = new FigureTotals();
        totals.plus(new FigureDeltas().interval("19004", "members_active", DAY, DAY.plusDays(30), 3));
        totals.plus(new FigureDeltas().interval("19004", "members_active", DAY, null, 2).interval("19", "received_vnd", DAY, null, 500_000));
        assertEquals(List.of("19004 members_active 2017-05-01 5", "19004 members_active 2017-05-31 -3", "19 received_vnd 2017-05-01 500000"),
                rows(totals));
    }

    @Test
    void totalsThatComeToZeroAreNotWrittenButStillCountAsHeld() throws SQLException {
        FigureTotals totals = new FigureTotals();
        totals.plus(new FigureDeltas().interval("19004", "clubs_active", DAY, null, 1));
        totals.plus(new FigureDeltas().interval("19004", "clubs_active", DAY, null, -1));
        assertEquals(List.of(), rows(totals));
        assertEquals(1, totals.size());
        totals.clear();
        assertTrue(totals.isEmpty());
    }

    @Test
    void daysBefore1970AndFarAheadKeepTheirDateAndSign() throws SQLException {
        FigureTotals totals = new FigureTotals();
        totals.plus(new FigureDeltas().interval("19", "members_older", LocalDate.of(1955, 2, 28), LocalDate.of(2099, 12, 31), -7));
        assertEquals(List.of("19 members_older 1955-02-28 -7", "19 members_older 2099-12-31 7"), rows(totals));
    }

    @Test
    void eachAreasFigureComesWithItsDaysInOrderAndEveryTotalMatchesPlainSums() throws SQLException {
        Random random = new Random(14);
        FigureTotals totals = new FigureTotals();
        Map<String, Long> expected = new TreeMap<>();
        for (int batch = 0; batch < 200; batch++) {
            FigureDeltas deltas = new FigureDeltas();
            for (int i = 0; i < 50; i++) {
                String area = "190" + random.nextInt(12);
                String figure = "figure_" + random.nextInt(9);
                LocalDate day = DAY.plusDays(random.nextInt(2000) - 1000);
                long delta = random.nextInt(21) - 10;
                deltas.add(new FigureDeltas.Key(area, figure, day), delta);
                expected.merge(area + " " + figure + " " + day, delta, Long::sum);
            }
            totals.plus(deltas);
        }
        expected.values().removeIf(v -> v == 0);
        List<String> rows = rows(totals);
        Map<String, Long> written = new TreeMap<>();
        String previous = null;
        for (String row : rows) {
            String[] f = row.split(" ");
            written.put(f[0] + " " + f[1] + " " + f[2], Long.parseLong(f[3]));
            String group = f[0] + " " + f[1];
            if (previous != null && previous.startsWith(group + " ")) {
                assertTrue(previous.split(" ")[2].compareTo(f[2]) < 0, previous + " then " + row);
            }
            previous = row;
        }
        assertEquals(expected, written);
        assertEquals(rows.size(), written.size(), "a key written twice");
    }
}
