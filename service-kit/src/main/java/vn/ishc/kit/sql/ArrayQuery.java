package vn.ishc.kit.sql;

import org.hibernate.Session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Statements whose one parameter is an array ({@code where id = any(?)}): a whole batch's lookups or
 * deletions in one round trip, in the caller's transaction.
 */
public final class ArrayQuery {

    private ArrayQuery() {
    }

    /** The rows of {@code sql}, its parameter bound to {@code values} as an array of {@code elementType}; columns as JDBC reads them. */
    public static List<Object[]> rows(Session session, String sql, String elementType, Collection<?> values) {
        return rowsWith(session, sql, new RoundTrip.Array(elementType, values));
    }

    /** The rows of {@code sql} with its parameters (a {@link RoundTrip.Array} is bound as an array); columns as JDBC reads them. */
    public static List<Object[]> rowsWith(Session session, String sql, Object... parameters) {
        RoundTrip trip = new RoundTrip();
        RoundTrip.Answer<List<Object[]>> rows = trip.answer(sql, result -> {
            int width = result.getMetaData().getColumnCount();
            List<Object[]> read = new ArrayList<>();
            while (result.next()) {
                Object[] row = new Object[width];
                for (int c = 0; c < width; c++) {
                    row[c] = result.getObject(c + 1);
                }
                read.add(row);
            }
            return read;
        }, parameters);
        trip.send(session);
        return rows.get();
    }

    /** Runs {@code sql} (an update or delete) with its parameter bound as {@link #rows} does; the number of rows it changed. */
    public static int update(Session session, String sql, String elementType, Collection<?> values) {
        return RoundTrip.changedRows(session, sql, new RoundTrip.Array(elementType, values));
    }
}
