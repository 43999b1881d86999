package vn.ishc.kit.imports.job;

import java.util.List;

/**
 * What is wrong with a row: the column (its key, or null for the row as a whole), the value as the
 * file had it, and a message key with its arguments, rendered in the reader's language when the
 * report is read.
 */
public record RowError(String column, String value, String messageKey, List<Object> args) {

    public static RowError of(String column, String value, String messageKey, Object... args) {
        return new RowError(column, value, messageKey, List.of(args));
    }
}
