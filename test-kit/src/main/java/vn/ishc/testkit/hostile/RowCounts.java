package vn.ishc.testkit.hostile;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The number of rows in each of some tables: what a write would change. */
public final class RowCounts {

    private RowCounts() {
    }

    public static Supplier<Map<String, Long>> of(DataSource database, List<String> tables) {
        return () -> {
            Map<String, Long> counts = new TreeMap<>();
            try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
                for (String table : tables) {
                    try (ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
                        rows.next();
                        counts.put(table, rows.getLong(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot count the rows of " + tables, e);
            }
            return counts;
        };
    }
}
