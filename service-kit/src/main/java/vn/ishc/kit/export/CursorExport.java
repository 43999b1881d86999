package vn.ishc.kit.export;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes the rows of a query to a file as they are read: a database cursor fetches a thousand rows
 * at a time and each goes out at once, so a list of any length leaves in constant memory.
 */
public final class CursorExport {

    static final int FETCH = 1_000;

    /** Turns the current row into the cells of one line of the file. */
    @FunctionalInterface
    public interface RowReader {
        List<?> read(ResultSet row) throws SQLException;
    }

    private CursorExport() {
    }

    public static void write(DataSource database, String sql, List<?> params, TableFormat format, OutputStream out, String sheet,
                             List<String> headers, RowReader reader) {
        // autocommit off: PostgreSQL's driver reads with a cursor (FETCH rows at a time) only inside a transaction
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(FETCH);
                for (int i = 0; i < params.size(); i++) {
                    statement.setObject(i + 1, params.get(i) instanceof LocalDate day ? Date.valueOf(day) : params.get(i));
                }
                try (ResultSet rows = statement.executeQuery(); TableSink sink = TableWriter.open(format, out, sheet, headers)) {
                    while (rows.next()) {
                        sink.row(reader.read(rows));
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("export failed", e);
        } catch (IOException e) {
            // the client went away mid-file: nothing is left to answer
            throw new UncheckedIOException(e);
        }
    }
}
