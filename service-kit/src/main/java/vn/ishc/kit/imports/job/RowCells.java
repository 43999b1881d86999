package vn.ishc.kit.imports.job;

import vn.ishc.kit.imports.table.Cell;
import vn.ishc.kit.imports.table.CellProblem;
import vn.ishc.kit.imports.table.CellValues;
import vn.ishc.kit.imports.table.DateOrYear;
import vn.ishc.kit.imports.table.Labels;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One row of an import file, read by field: each reader turns a cell in any of the forms people
 * type into a value, or notes an error naming the column and the value as written, and answers
 * null; a checker reads every field first, so one pass reports every error of the row.
 */
public final class RowCells {

    private final int row;
    private final List<Cell> cells;
    private final HeaderMap headers;
    private final List<RowError> errors = new ArrayList<>();

    RowCells(int row, List<Cell> cells, HeaderMap headers) {
        this.row = row;
        this.cells = cells;
        this.headers = headers;
    }

    /** The row number as the spreadsheet shows it. */
    public int row() {
        return row;
    }

    public List<RowError> errors() {
        return errors;
    }

    /** The cell as written (null when blank or absent), for messages and keys. */
    public String raw(String key) {
        Cell cell = cell(key);
        return cell == null || cell.isBlank() ? null : cell.text().strip();
    }

    public boolean isBlank(String key) {
        return raw(key) == null;
    }

    public String text(String key) {
        return read(key, CellValues::text);
    }

    public LocalDate date(String key) {
        return read(key, CellValues::date);
    }

    public DateOrYear dateOrYear(String key) {
        return read(key, CellValues::dateOrYear);
    }

    public Long amount(String key) {
        return read(key, CellValues::amount);
    }

    public Integer integer(String key) {
        return read(key, CellValues::integer);
    }

    public Boolean yesNo(String key) {
        return read(key, CellValues::yesNo);
    }

    public <T> T label(String key, Labels<T> labels) {
        return read(key, labels::find);
    }

    /** Notes an error on a field, with the value as the file had it. */
    public void error(String key, String messageKey, Object... args) {
        errors.add(RowError.of(key, raw(key), messageKey, args));
    }

    /** Notes that a required field is blank; answers whether it was. */
    public boolean requireFilled(String key) {
        if (isBlank(key)) {
            errors.add(RowError.of(key, null, "import.value.required"));
            return false;
        }
        return true;
    }

    private <T> T read(String key, Function<Cell, T> reader) {
        Cell cell = cell(key);
        if (cell != null && cell.error() != null) {
            errors.add(RowError.of(key, cell.text(), cell.error(), cell.text()));
            return null;
        }
        if (cell == null || cell.isBlank()) {
            return null;
        }
        try {
            return reader.apply(cell);
        } catch (CellProblem problem) {
            errors.add(new RowError(key, cell.text().strip(), problem.messageKey(), List.of(problem.args())));
            return null;
        }
    }

    private Cell cell(String key) {
        int position = headers.position(key);
        return position < 0 || position >= cells.size() ? null : cells.get(position);
    }
}
