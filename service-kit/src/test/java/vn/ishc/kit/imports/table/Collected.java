package vn.ishc.kit.imports.table;

import java.util.ArrayList;
import java.util.List;

/** A RowHandler that keeps what it receives, for assertions. */
final class Collected implements RowHandler {

    List<String> header;
    final List<Integer> rowNumbers = new ArrayList<>();
    final List<List<Cell>> rows = new ArrayList<>();

    @Override
    public void header(List<String> names) {
        if (header != null) {
            throw new AssertionError("header delivered twice");
        }
        header = names;
    }

    @Override
    public void row(int fileRowNumber, List<Cell> cells) {
        if (cells.size() != header.size()) {
            throw new AssertionError("a row of " + cells.size() + " cells under " + header.size() + " headers");
        }
        rowNumbers.add(fileRowNumber);
        rows.add(cells);
    }

    /** The texts of a row, by its position among the delivered rows. */
    List<String> texts(int index) {
        return rows.get(index).stream().map(Cell::text).toList();
    }

    Cell cell(int index, int column) {
        return rows.get(index).get(column);
    }
}
