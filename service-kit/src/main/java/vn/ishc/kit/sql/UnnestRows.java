package vn.ishc.kit.sql;

import org.hibernate.Session;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows gathered column by column and sent as one array per column, for a statement that unnests
 * them on the server: a batch of any size is one round trip per statement. Dates travel as ISO
 * text, so the JVM's time zone never shifts them.
 */
public final class UnnestRows {

    private final String[] types;
    private final List<List<Object>> columns = new ArrayList<>();

    /** The SQL element type of each column, in the order of the statement's parameters. */
    public UnnestRows(String... types) {
        this.types = types;
        for (int c = 0; c < types.length; c++) {
            columns.add(new ArrayList<>());
        }
    }

    public void add(Object... values) {
        if (values.length != types.length) {
            throw new IllegalArgumentException(values.length + " values for " + types.length + " columns");
        }
        for (int c = 0; c < values.length; c++) {
            columns.get(c).add(values[c] instanceof LocalDate day ? day.toString() : values[c]);
        }
    }

    public boolean isEmpty() {
        return columns.get(0).isEmpty();
    }

    /** How many rows were added. */
    public int size() {
        return columns.get(0).size();
    }

    /** One {@link RoundTrip.Array} per column, in order: the parameters of a statement that unnests them in a {@link RoundTrip}. */
    public Object[] arrays() {
        Object[] arrays = new Object[types.length];
        for (int c = 0; c < types.length; c++) {
            arrays[c] = new RoundTrip.Array(types[c], columns.get(c));
        }
        return arrays;
    }

    /** Runs the statement with one array parameter per column; the number of rows it changed. */
    public int execute(Session session, String sql) {
        return RoundTrip.changedRows(session, sql, arrays());
    }
}
