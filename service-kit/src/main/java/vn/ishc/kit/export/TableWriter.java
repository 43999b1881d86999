package vn.ishc.kit.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Opens a {@link TableSink} that writes a header row and then rows, as CSV or as a streamed workbook. */
public final class TableWriter {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Rows a streamed workbook keeps in memory; older ones go to a compressed temporary file. */
    static final int ROWS_IN_MEMORY = 200;

    private TableWriter() {
    }

    public static TableSink open(TableFormat format, OutputStream out, String sheetName, List<String> headers) throws IOException {
        TableSink sink = format == TableFormat.CSV ? new Csv(out) : new Xlsx(out, sheetName, headers.size());
        sink.row(headers);
        return sink;
    }

    /** How a value reads in a CSV cell (and in a text cell of a workbook). */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof LocalDate date) {
            return date.format(DAY);
        }
        if (value instanceof Boolean yes) {
            return yes ? "Có" : "Không";
        }
        return value.toString();
    }

    private static final class Csv implements TableSink {
        private final Writer writer;

        Csv(OutputStream out) throws IOException {
            writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            writer.write('\ufeff');
        }

        @Override
        public void row(List<?> values) throws IOException {
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    writer.write(',');
                }
                writer.write(quoted(text(values.get(i))));
            }
            writer.write("\r\n");
        }

        /** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled; a leading = + - @ is kept as text. */
        static String quoted(String cell) {
            String safe = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9.,]+") ? "'" + cell : cell;
            if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r") || safe.contains(";")) {
                return '"' + safe.replace("\"", "\"\"") + '"';
            }
            return safe;
        }

        @Override
        public void close() throws IOException {
            writer.flush();
        }
    }

    private static final class Xlsx implements TableSink {
        private final OutputStream out;
        private final SXSSFWorkbook workbook;
        private final Sheet sheet;
        private final CellStyle header;
        private final CellStyle date;
        private int next;

        Xlsx(OutputStream out, String sheetName, int columns) {
            this.out = out;
            workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
            workbook.setCompressTempFiles(true);
            sheet = workbook.createSheet(sheetName);
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            for (int i = 0; i < columns; i++) {
                sheet.setColumnWidth(i, 18 * 256);
            }
        }

        @Override
        public void row(List<?> values) {
            Row row = sheet.createRow(next);
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                Cell cell = row.createCell(i);
                if (next == 0) {
                    cell.setCellValue(text(value));
                    cell.setCellStyle(header);
                } else if (value instanceof Number number) {
                    cell.setCellValue(number.doubleValue());
                } else if (value instanceof LocalDate day) {
                    cell.setCellValue(day);
                    cell.setCellStyle(date);
                } else if (value != null) {
                    cell.setCellValue(text(value));
                }
            }
            if (next == 0) {
                sheet.createFreezePane(0, 1);
            }
            next++;
        }

        @Override
        public void close() throws IOException {
            try {
                workbook.write(out);
                out.flush();
            } finally {
                workbook.close();
            }
        }
    }
}
