package vn.ishc.kit.sql;

import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
        return session.doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setArray(1, connection.createArrayOf(elementType, values.toArray()));
                try (ResultSet result = query.executeQuery()) {
                    int width = result.getMetaData().getColumnCount();
                    List<Object[]> rows = new ArrayList<>();
                    while (result.next()) {
                        Object[] row = new Object[width];
                        for (int c = 0; c < width; c++) {
                            row[c] = result.getObject(c + 1);
                        }
                        rows.add(row);
                    }
                    return rows;
                }
            }
        });
    }

    /** Runs {@code sql} (an update or delete) with its parameter bound as {@link #rows} does; the number of rows it changed. */
    public static int update(Session session, String sql, String elementType, Collection<?> values) {
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, connection.createArrayOf(elementType, values.toArray()));
                return statement.executeUpdate();
            }
        });
    }
}
