package vn.ishc.testkit.imports;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** Files as districts make them: workbooks with text, number and date cells, and CSV text. */
public final class Sheets {

    private Sheets() {
    }

    /** A workbook of one sheet; a LocalDate becomes a date cell, a Number a number cell, anything else text. */
    public static byte[] workbook(String sheetName, List<List<Object>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Sheet sheet = workbook.createSheet(sheetName);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value == null) {
                        continue;
                    }
                    var cell = row.createCell(c);
                    if (value instanceof LocalDate day) {
                        cell.setCellValue(day);
                        cell.setCellStyle(date);
                    } else if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else {
                        cell.setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** CSV text with the given separator, a BOM when asked; cells are written as they are (quote them yourself). */
    public static byte[] csv(boolean bom, String separator, List<List<Object>> rows) {
        StringBuilder text = new StringBuilder(bom ? "\uFEFF" : "");
        for (List<Object> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                text.append(c == 0 ? "" : separator).append(row.get(c) == null ? "" : row.get(c));
            }
            text.append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
