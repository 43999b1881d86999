package vn.ishc.kit.sql;

import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * Rows streamed into a table with {@code COPY … FROM STDIN} in PostgreSQL's text format, sent in
 * chunks of about 64 kB. For bulk loads of hundreds of thousands of rows, where arrays unnested by
 * one statement ({@link UnnestRows}) cost more than the rows themselves: each array element is
 * escaped into one large text, and the rows go through a plan.
 */
public final class CopyRows {

    private static final int CHUNK = 64 * 1024;

    /** Where the encoded chunks go: the server's COPY, or a test. */
    interface Sink {
        void write(byte[] chunk) throws SQLException;
    }

    /** Adds the rows of one COPY. */
    public interface Writer {
        void write(CopyRows rows) throws SQLException;
    }

    private final Sink sink;
    private final StringBuilder text = new StringBuilder(CHUNK + 1024);

    CopyRows(Sink sink) {
        this.sink = sink;
    }

    /**
     * Runs {@code copyStatement} ({@code copy t (a, b) from stdin}) in the session's transaction with
     * the rows {@code writer} adds; the number of rows the server copied. A failure cancels the COPY.
     */
    public static long copy(Session session, String copyStatement, Writer writer) {
        return session.doReturningWork(connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copyStatement);
            try {
                CopyRows rows = new CopyRows(chunk -> copy.writeToCopy(chunk, 0, chunk.length));
                writer.write(rows);
                rows.flush();
                return copy.endCopy();
            } catch (SQLException | RuntimeException failure) {
                if (copy.isActive()) {
                    try {
                        copy.cancelCopy();
                    } catch (SQLException cancelling) {
                        failure.addSuppressed(cancelling);
                    }
                }
                throw failure;
            }
        });
    }

    /** One row: null is SQL null, other values their text (a LocalDate its ISO date). */
    public CopyRows row(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            field(values[i]);
        }
        text.append('\n');
        if (text.length() >= CHUNK) {
            flush();
        }
        return this;
    }

    private void field(Object value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        String s = value.toString();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    void flush() throws SQLException {
        if (!text.isEmpty()) {
            sink.write(text.toString().getBytes(StandardCharsets.UTF_8));
            text.setLength(0);
        }
    }
}
