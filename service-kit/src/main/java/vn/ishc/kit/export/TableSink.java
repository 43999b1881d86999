package vn.ishc.kit.export;

import java.io.IOException;
import java.util.List;

/**
 * Rows of a table going out to a file, one at a time. Values may be text, whole or decimal numbers,
 * dates ({@link java.time.LocalDate}, written dd/mm/yyyy), booleans (Có/Không) or null (an empty cell).
 */
public interface TableSink extends AutoCloseable {

    void row(List<?> values) throws IOException;

    /** Finishes the file (the workbook is written out here); the stream itself stays open. */
    @Override
    void close() throws IOException;
}
