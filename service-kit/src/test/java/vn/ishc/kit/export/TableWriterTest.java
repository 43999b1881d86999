package vn.ishc.kit.export;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lists leave as Excel and Vietnamese readers expect: BOM, quoting, dd/mm/yyyy, typed workbook cells. */
class TableWriterTest {

    private static final List<String> HEADERS = List.of("Họ và tên", "Ngày sinh", "Số tiền (đồng)", "Dân tộc thiểu số", "Ghi chú");
    private static final List<Object> ROW = Arrays.asList("Nguyễn Thị Lan", LocalDate.of(1955, 4, 2), 15_000_000L, true, "Tổ 7, \"Túc Duyên\"");

    @Test
    void csvStartsWithABomAndQuotesWhatNeedsQuoting() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableSink sink = TableWriter.open(TableFormat.CSV, out, "x", HEADERS)) {
            sink.row(ROW);
            sink.row(Arrays.asList("=HYPERLINK(\"x\")", null, -5, false, "a\nb"));
        }
        byte[] bytes = out.toByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        String[] lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertEquals("Họ và tên,Ngày sinh,Số tiền (đồng),Dân tộc thiểu số,Ghi chú", lines[0]);
        assertEquals("Nguyễn Thị Lan,02/04/1955,15000000,Có,\"Tổ 7, \"\"Túc Duyên\"\"\"", lines[1]);
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\",,-5,Không,\"a\nb\"", lines[2], "a formula is written as text, a negative number stays a number");
    }

    @Test
    void aWorkbookHasTypedCellsUnderABoldHeader() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableSink sink = TableWriter.open(TableFormat.XLSX, out, "Hội viên", HEADERS)) {
            for (int i = 0; i < 1_000; i++) {
                sink.row(ROW);
            }
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheet("Hội viên");
            assertEquals(1_000, sheet.getLastRowNum());
            assertEquals("Họ và tên", sheet.getRow(0).getCell(0).getStringCellValue());
            Row row = sheet.getRow(1_000);
            assertEquals("Nguyễn Thị Lan", row.getCell(0).getStringCellValue());
            assertEquals(LocalDate.of(1955, 4, 2), row.getCell(1).getLocalDateTimeCellValue().toLocalDate());
            assertEquals(CellType.NUMERIC, row.getCell(2).getCellType());
            assertEquals(15_000_000, row.getCell(2).getNumericCellValue());
            assertEquals("Có", row.getCell(3).getStringCellValue());
        }
    }
}
