package vn.ishc.kit.imports.job;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * One kind of list a service imports (its clubs, its members, its contributions). The kit reads
 * the file, keeps the jobs and rows and drives the dry run and the commit; the kind knows its
 * columns, checks a row against the same rules as the API, and writes a batch of checked rows.
 */
public interface ImportKind {

    /** The kind as the API names it, e.g. "members". */
    String name();

    /** The template's sheet name, also the sheet read first when a workbook has several. */
    String sheetName();

    List<ImportColumn> columns();

    /** A checker for one job's rows, called in file order; it may remember earlier rows (duplicates in the file). */
    RowChecker checker(ImportScope scope);

    /**
     * Writes rows checked earlier, in the caller's transaction, all rows of a group (e.g. a club)
     * together. It matches again against what is stored now, so a repeated or resumed commit
     * creates nothing twice; a row that no longer passes gets errors instead.
     */
    List<RowOutcome> write(ImportScope scope, List<StagedRow> rows);

    interface RowChecker {
        CheckedRow check(RowCells row);
    }

    /**
     * A checked row: its group (rows of a group are written in one transaction), the values to
     * write (serialised as JSON until the commit), its errors, and what it would do per record kind,
     * e.g. {"clubs": "UNCHANGED", "members": "CREATE"}.
     */
    record CheckedRow(String group, Object data, List<RowError> errors, Map<String, String> actions) {
    }

    record StagedRow(int row, String group, JsonNode data) {
    }

    /** What writing a row did, per record kind, or why it could not be written. */
    record RowOutcome(int row, Map<String, String> done, List<RowError> errors) {

        public static RowOutcome written(int row, Map<String, String> done) {
            return new RowOutcome(row, done, List.of());
        }

        public static RowOutcome refused(int row, List<RowError> errors) {
            return new RowOutcome(row, Map.of(), errors);
        }
    }
}
