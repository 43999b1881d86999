package vn.ishc.kit.imports.table;

import vn.ishc.kit.export.TableFormat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a CSV file (RFC 4180 quoting, strict UTF-8, optional BOM) as a stream of records. Our own small
 * parser rather than a library's: it drops blank fields beyond the column limit without storing them
 * (a line of ten million commas would otherwise become ten million strings) and knows the physical line
 * of a broken quote.
 */
final class CsvTable {

    private final Reader in;
    private final char delimiter;
    private final TableRows rows;
    private final StringBuilder field = new StringBuilder();
    private final char[] buffer = new char[16 * 1024];
    private int line = 1;

    private CsvTable(Reader in, char delimiter, TableRows rows) {
        this.in = in;
        this.delimiter = delimiter;
        this.rows = rows;
    }

    static ReadSummary read(Path file, ReadOptions options, RowHandler handler) throws IOException {
        try (InputStream bytes = Files.newInputStream(file);
             BufferedReader text = new BufferedReader(new StrictUtf8Reader(bytes), 64 * 1024)) {
            skipByteOrderMark(text);
            TableRows rows = new TableRows(options, handler);
            new CsvTable(text, CsvDelimiter.of(text), rows).parse();
            rows.end();
            return new ReadSummary(TableFormat.CSV, null, rows.dataRows());
        }
    }

    private static void skipByteOrderMark(BufferedReader text) throws IOException {
        text.mark(1);
        if (text.read() != '\ufeff') {
            text.reset();
        }
    }

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private void parse() throws IOException {
        State state = State.FIELD_START;
        int record = 1;
        int column = 0;
        int quoteLine = 0;
        boolean recordStarted = false;
        boolean afterCarriageReturn = false;
        rows.startRow(record);
        for (int n; (n = in.read(buffer)) >= 0; ) {
            for (int i = 0; i < n; i++) {
                char c = buffer[i];
                if (c == '\n') {
                    line++;
                    if (afterCarriageReturn) {
                        afterCarriageReturn = false;
                        continue;
                    }
                }
                afterCarriageReturn = false;
                if (state == State.QUOTED) {
                    if (c == '"') {
                        state = State.QUOTE_IN_QUOTED;
                    } else {
                        append(c);
                    }
                    continue;
                }
                if (state == State.QUOTE_IN_QUOTED && c == '"') {
                    append('"');
                    state = State.QUOTED;
                    continue;
                }
                if (c == delimiter) {
                    endField(column++);
                    state = State.FIELD_START;
                    recordStarted = true;
                } else if (c == '\n' || c == '\r') {
                    endField(column);
                    rows.endRow();
                    rows.startRow(++record);
                    column = 0;
                    state = State.FIELD_START;
                    recordStarted = false;
                    afterCarriageReturn = c == '\r';
                } else if (state == State.QUOTE_IN_QUOTED) {
                    throw TableFileException.content("imports.file.csvQuotes", line);
                } else if (state == State.FIELD_START && c == '"') {
                    state = State.QUOTED;
                    quoteLine = line;
                    recordStarted = true;
                } else {
                    // A quote inside an unquoted field is kept as typed, as Excel does.
                    append(c);
                    state = State.UNQUOTED;
                    recordStarted = true;
                }
            }
        }
        if (state == State.QUOTED) {
            throw TableFileException.content("imports.file.csvQuotes", quoteLine);
        }
        if (recordStarted) {
            endField(column);
            rows.endRow();
        }
    }

    private void append(char c) {
        field.append(c);
        rows.checkCellLength(field.length());
    }

    private void endField(int column) {
        if (field.length() > 0) {
            rows.cell(column, Cell.ofText(unguarded(field.toString())));
            field.setLength(0);
        }
    }

    /** Our exports put ' before a value starting with = + - @ so that Excel does not run it as a formula. */
    static String unguarded(String value) {
        return value.length() > 1 && value.charAt(0) == '\'' && "=+-@".indexOf(value.charAt(1)) >= 0 ? value.substring(1) : value;
    }
}
