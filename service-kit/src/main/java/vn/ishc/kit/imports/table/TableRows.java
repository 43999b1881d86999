package vn.ishc.kit.imports.table;

import org.apache.poi.ss.util.CellReference;
import vn.ishc.kit.text.CleanText;
import vn.ishc.kit.text.SearchText;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules every table file follows, whatever its format: the first non-blank row is the header, a
 * value needs a header above it, header names are unique, blank rows are skipped, and the limits hold.
 * The readers feed it cell by cell, so a row of a million empty cells costs nothing.
 */
final class TableRows {

    /**
     * Excel's own limit for a cell. Longer text comes from a broken or hostile file, and is refused while
     * it is read, before it can fill the memory.
     */
    static final int MAX_CELL_CHARS = 32_767;

    private final ReadOptions options;
    private final RowHandler handler;
    /** The non-blank cells of the current row, by column; trailing blanks are never stored. */
    private final List<Cell> cells = new ArrayList<>();
    private int rowNumber;
    private List<String> header;
    private int headerRowNumber;
    private int dataRows;

    TableRows(ReadOptions options, RowHandler handler) {
        this.options = options;
        this.handler = handler;
    }

    void startRow(int fileRowNumber) {
        rowNumber = fileRowNumber;
        cells.clear();
    }

    /** A cell of the current row, columns counted from 0. */
    void cell(int column, Cell cell) {
        if (cell.isBlank()) {
            return;
        }
        if (column >= options.maxColumns()) {
            throw TableFileException.content("imports.file.tooManyColumns", options.maxColumns());
        }
        while (cells.size() <= column) {
            cells.add(Cell.BLANK);
        }
        cells.set(column, cell);
    }

    void endRow() {
        if (cells.isEmpty()) {
            return;
        }
        if (header == null) {
            readHeader();
            return;
        }
        for (int column = 0; column < cells.size(); column++) {
            if (!cells.get(column).isBlank() && (column >= header.size() || header.get(column).isEmpty())) {
                throw TableFileException.content("imports.file.blankHeader", letter(column), rowNumber);
            }
        }
        if (++dataRows > options.maxDataRows()) {
            throw TableFileException.content("imports.file.tooManyRows", options.maxDataRows());
        }
        List<Cell> row = new ArrayList<>(Collections.nCopies(header.size(), Cell.BLANK));
        for (int column = 0; column < cells.size(); column++) {
            row.set(column, cells.get(column));
        }
        handler.row(rowNumber, Collections.unmodifiableList(row));
    }

    /** Called by the readers as a cell's text grows. */
    void checkCellLength(int length) {
        if (length > MAX_CELL_CHARS) {
            throw TableFileException.content("imports.file.cellTooLong", rowNumber, MAX_CELL_CHARS);
        }
    }

    /** After the last row: a file without a header row has nothing to import. */
    void end() {
        if (header == null) {
            throw TableFileException.content("imports.file.empty");
        }
    }

    /** The file row number of the header, 0 while none has been seen. */
    int headerRowNumber() {
        return headerRowNumber;
    }

    int dataRows() {
        return dataRows;
    }

    private void readHeader() {
        List<String> names = new ArrayList<>(cells.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int column = 0; column < cells.size(); column++) {
            String name = headerName(column, cells.get(column));
            names.add(name);
            if (!name.isEmpty()) {
                Integer earlier = seen.putIfAbsent(SearchText.fold(name), column);
                if (earlier != null) {
                    throw TableFileException.content("imports.file.duplicateHeader", name, letter(earlier), letter(column));
                }
            }
        }
        while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
            names.remove(names.size() - 1);
        }
        header = List.copyOf(names);
        headerRowNumber = rowNumber;
        handler.header(header);
    }

    private static String headerName(int column, Cell cell) {
        if (cell.error() != null) {
            throw TableFileException.content("imports.file.headerUnreadable", letter(column));
        }
        try {
            return CleanText.name(cell.text());
        } catch (CleanText.RejectedText e) {
            throw TableFileException.content("imports.file.headerUnreadable", letter(column));
        }
    }

    /** The column as Excel names it: A, B, …, Z, AA. */
    static String letter(int column) {
        return CellReference.convertNumToColString(column);
    }
}
