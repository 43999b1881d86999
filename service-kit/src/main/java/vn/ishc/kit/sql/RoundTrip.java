package vn.ishc.kit.sql;

import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Several statements sent to PostgreSQL at once, in the caller's transaction, and answered at
 * once: one round trip where there were as many as statements. The server runs them one after the
 * other in the order they were added, each seeing what the ones before it did, and stops at the
 * first that fails (which fails the whole trip, and the transaction with it).
 * <p>
 * Each statement's answer goes to its own callback, in order, once the trip is back; the answers of
 * all the statements are held in memory together. pgjdbc splits a trip (one more round trip) where
 * the answers it expects could fill the socket while it is still sending: after about 64 kB of
 * expected answers, and before a statement whose answer it must first describe (a parameter of a
 * type it leaves to the server, such as a {@code java.sql.Timestamp}; give times as ISO text with a
 * cast). So the statements answering many rows go last, and parameters have types pgjdbc knows:
 * strings, numbers, {@code LocalDate}, {@code UUID}, {@link Array}s.
 */
public final class RoundTrip {

    /** A parameter bound as a PostgreSQL array of {@code elementType} ({@code = any(?)}, {@code unnest(?)}). */
    public record Array(String elementType, Collection<?> values) {
    }

    /** Reads the rows one query answered. */
    public interface Rows {
        void read(ResultSet rows) throws SQLException;
    }

    /** Reads the rows one query answered into a value. */
    public interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** What a query of the trip answered, once the trip is back. */
    public static final class Answer<T> {
        private T value;
        private boolean answered;

        public T get() {
            if (!answered) {
                throw new IllegalStateException("the round trip holding this query has not been sent");
            }
            return value;
        }

        private void set(T value) {
            this.value = value;
            this.answered = true;
        }
    }

    private record Statement(String sql, Object[] parameters, Rows rows, IntConsumer updated) {
    }

    private final List<Statement> statements = new ArrayList<>();

    /** Adds a query whose rows go to {@code rows}. */
    public RoundTrip query(String sql, Rows rows, Object... parameters) {
        statements.add(new Statement(sql, parameters, rows, null));
        return this;
    }

    /** Adds a query whose rows {@code reader} turns into the answer. */
    public <T> Answer<T> answer(String sql, Reader<T> reader, Object... parameters) {
        Answer<T> answer = new Answer<>();
        query(sql, rows -> answer.set(reader.read(rows)), parameters);
        return answer;
    }

    /** Adds an insert, update or delete whose count of changed rows goes to {@code updated}. */
    public RoundTrip update(String sql, IntConsumer updated, Object... parameters) {
        statements.add(new Statement(sql, parameters, null, updated));
        return this;
    }

    /** Adds an insert, update or delete whose count does not matter. */
    public RoundTrip update(String sql, Object... parameters) {
        return update(sql, count -> { }, parameters);
    }

    /** Runs one insert, update or delete in a trip of its own; the number of rows it changed. */
    public static int changedRows(Session session, String sql, Object... parameters) {
        int[] changed = {0};
        new RoundTrip().update(sql, count -> changed[0] = count, parameters).send(session);
        return changed[0];
    }

    /** Sends the statements and hands each answer to its callback; the trip is empty again afterwards. */
    public void send(Session session) {
        if (statements.isEmpty()) {
            return;
        }
        List<Statement> sending = List.copyOf(statements);
        statements.clear();
        session.doWork(connection -> send(connection, sending));
    }

    private static void send(Connection connection, List<Statement> sending) throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (Statement s : sending) {
            if (!sql.isEmpty()) {
                sql.append("\n;\n"); // on a line of its own: a statement ending in a comment does not swallow it
            }
            sql.append(s.sql());
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int p = 1;
            for (Statement s : sending) {
                for (Object value : s.parameters()) {
                    if (value instanceof Array array) {
                        statement.setArray(p++, connection.createArrayOf(array.elementType(), array.values().toArray()));
                    } else {
                        statement.setObject(p++, value);
                    }
                }
            }
            boolean rows = statement.execute();
            for (Statement s : sending) {
                if (rows != (s.rows() != null)) {
                    throw new IllegalStateException("expected " + (s.rows() != null ? "rows" : "a count") + " from: " + s.sql());
                }
                if (rows) {
                    try (ResultSet answer = statement.getResultSet()) {
                        s.rows().read(answer);
                    }
                } else {
                    s.updated().accept(statement.getUpdateCount());
                }
                rows = statement.getMoreResults();
            }
            if (rows || statement.getUpdateCount() != -1) {
                throw new IllegalStateException("more answers than the " + sending.size() + " statements sent: one holds a ';'");
            }
        }
    }
}
