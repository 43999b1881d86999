package vn.ishc.kit.imports.table;

import java.util.List;

/** Receives a table as it is read: the header once, then each non-blank row. */
public interface RowHandler {

    /** The header names, cleaned (NFC, trimmed, inner spaces as one); {@code ""} for a column without header and without data. */
    void header(List<String> names);

    /**
     * A row with at least one non-blank cell.
     *
     * @param fileRowNumber the row number as Excel shows it (1-based, blank rows counted)
     * @param cells         one cell per header column, in header order ({@link Cell#BLANK} when empty)
     */
    void row(int fileRowNumber, List<Cell> cells);
}
