package vn.ishc.kit.imports.job;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.ishc.kit.export.TableFormat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The file a district fills in. The workbook's first sheet has only the headers, so a template
 * sent back unchanged imports nothing; a second sheet shows the same headers with an example row,
 * and a third says, per column, whether it is required and how to write it. The CSV has the
 * header row only.
 */
public final class ImportTemplates {

    private ImportTemplates() {
    }

    public static void write(ImportKind kind, TableFormat format, OutputStream out) throws IOException {
        List<ImportColumn> columns = kind.columns();
        if (format == TableFormat.CSV) {
            StringBuilder line = new StringBuilder("\uFEFF");
            for (int i = 0; i < columns.size(); i++) {
                line.append(i == 0 ? "" : ",").append(quoted(columns.get(i).header()));
            }
            out.write(line.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet data = workbook.createSheet(kind.sheetName());
            headerRow(data, columns, bold);
            Sheet example = workbook.createSheet("Ví dụ");
            headerRow(example, columns, bold);
            Row values = example.createRow(1);
            for (int i = 0; i < columns.size(); i++) {
                values.createCell(i).setCellValue(columns.get(i).example());
            }
            Sheet guide = workbook.createSheet("Hướng dẫn");
            Row top = guide.createRow(0);
            String[] titles = {"Cột", "Bắt buộc", "Ví dụ", "Cách ghi", "Tên trường (API)"};
            for (int i = 0; i < titles.length; i++) {
                top.createCell(i).setCellValue(titles[i]);
                top.getCell(i).setCellStyle(bold);
            }
            for (int i = 0; i < columns.size(); i++) {
                ImportColumn column = columns.get(i);
                Row row = guide.createRow(i + 1);
                row.createCell(0).setCellValue(column.header());
                row.createCell(1).setCellValue(column.required() ? "Có" : "Không");
                row.createCell(2).setCellValue(column.example());
                row.createCell(3).setCellValue(column.explanation());
                row.createCell(4).setCellValue(column.key());
            }
            guide.setColumnWidth(0, 28 * 256);
            guide.setColumnWidth(3, 90 * 256);
            workbook.write(out);
        }
    }

    private static void headerRow(Sheet sheet, List<ImportColumn> columns, CellStyle bold) {
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            header.createCell(i).setCellValue(columns.get(i).header());
            header.getCell(i).setCellStyle(bold);
            sheet.setColumnWidth(i, Math.max(14, columns.get(i).header().length() + 4) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    private static String quoted(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
