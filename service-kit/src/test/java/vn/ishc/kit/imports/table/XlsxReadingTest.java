package vn.ishc.kit.imports.table;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ishc.kit.export.TableFormat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ishc.kit.imports.table.TestFiles.handMadeWorkbook;
import static vn.ishc.kit.imports.table.TestFiles.read;
import static vn.ishc.kit.imports.table.TestFiles.workbook;

/** Workbooks as Excel and POI write them: raw values, dates, formulas, sheets, row numbers. */
class XlsxReadingTest {

    @TempDir
    Path dir;

    @Test
    void sharedStringsNumbersDatesAndBooleansKeepTheirRawValues() throws Exception {
        XSSFWorkbook book = new XSSFWorkbook();
        Sheet sheet = book.createSheet("Thành viên");
        header(sheet, " Họ và tên ", "Năm sinh", "Ngày vào", "Số tiền", "Dân tộc thiểu số");
        Row row = sheet.createRow(1);
        row.createCell(0).setCellValue("Nguyễn Thị Lan");
        row.createCell(1).setCellValue(1955);
        CellStyle day = book.createCellStyle();
        day.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
        row.createCell(2).setCellValue(LocalDate.of(2018, 3, 15));
        row.getCell(2).setCellStyle(day);
        row.createCell(3).setCellValue(15_000_000d); // POI writes 1.5E7
        row.createCell(4).setCellValue(true);

        Collected read = read(workbook(dir, "members.xlsx", book));

        assertEquals(List.of("Họ và tên", "Năm sinh", "Ngày vào", "Số tiền", "Dân tộc thiểu số"), read.header);
        assertEquals(List.of(2), read.rowNumbers);
        assertEquals(List.of("Nguyễn Thị Lan", "1955", "43174", "15000000", "TRUE"), read.texts(0));
        assertEquals(1955d, read.cell(0, 1).number());
        assertFalse(read.cell(0, 1).dateFormatted());
        assertTrue(read.cell(0, 2).dateFormatted());
        assertEquals(LocalDate.of(2018, 3, 15), CellValues.date(read.cell(0, 2)));
        assertEquals(15_000_000L, CellValues.amount(read.cell(0, 3)));
        assertNull(read.cell(0, 0).number());
    }

    @Test
    void aStreamedWorkbookWithInlineStringsIsReadAlike() throws Exception {
        SXSSFWorkbook book = new SXSSFWorkbook();
        Sheet sheet = book.createSheet("Thành viên");
        header(sheet, "Họ và tên", "Thôn, tổ");
        Row row = sheet.createRow(1);
        row.createCell(0).setCellValue("Trần Văn Minh");
        row.createCell(1).setCellValue("Tổ 7");

        Collected read = read(workbook(dir, "streamed.xlsx", book));

        assertEquals(List.of("Họ và tên", "Thôn, tổ"), read.header);
        assertEquals(List.of("Trần Văn Minh", "Tổ 7"), read.texts(0));
    }

    @Test
    void formulasGiveTheValueExcelComputed() throws Exception {
        XSSFWorkbook book = new XSSFWorkbook();
        Sheet sheet = book.createSheet("Đóng góp");
        header(sheet, "Số tháng", "Số tiền", "Xã", "Tỷ lệ");
        Row row = sheet.createRow(1);
        row.createCell(0).setCellValue(3);
        row.createCell(1).setCellFormula("A2*50000");
        row.createCell(2).setCellFormula("\"Túc\"&\" Duyên\"");
        row.createCell(3).setCellFormula("1/0");
        XSSFFormulaEvaluator.evaluateAllFormulaCells(book);

        Collected read = read(workbook(dir, "formulas.xlsx", book));

        assertEquals(150_000L, CellValues.amount(read.cell(0, 1)));
        assertEquals("Túc Duyên", CellValues.text(read.cell(0, 2)));
        Cell error = read.cell(0, 3);
        assertEquals("imports.cell.excelError", error.error());
        assertEquals("#DIV/0!", error.text());
        CellProblem problem = assertThrows(CellProblem.class, () -> CellValues.amount(error));
        assertEquals("imports.cell.excelError", problem.messageKey());
        assertEquals(List.of("#DIV/0!"), List.of(problem.args()));
    }

    @Test
    void aFormulaWithoutComputedValueIsACellProblemNotAZero() throws Exception {
        Path file = handMadeWorkbook(dir, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Số tiền</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\"><f>SUM(B2:C2)</f></c></row>");

        Cell cell = read(file).cell(0, 0);

        assertEquals("imports.cell.formulaNotComputed", cell.error());
        CellProblem problem = assertThrows(CellProblem.class, () -> CellValues.amount(cell));
        assertEquals("imports.cell.formulaNotComputed", problem.messageKey());
        TestFiles.assertTranslated(problem.messageKey(), problem.args());
    }

    @Test
    void cellsWithoutReferencesRichTextAndIsoDatesAreRead() throws Exception {
        Path file = handMadeWorkbook(dir, "<row><c t=\"inlineStr\"><is><t>Tên</t></is></c><c t=\"inlineStr\"><is><t>Ngày</t></is></c></row>"
                + "<row><c t=\"inlineStr\"><is><r><t>Nguyễn </t></r><r><t>Lan</t></r><rPh><t>ignored</t></rPh></is></c>"
                + "<c t=\"d\"><v>2018-03-15T00:00:00</v></c></row>");

        Collected read = read(file);

        assertEquals(List.of("Tên", "Ngày"), read.header);
        assertEquals(List.of(2), read.rowNumbers);
        assertEquals("Nguyễn Lan", read.cell(0, 0).text());
        assertEquals(LocalDate.of(2018, 3, 15), CellValues.date(read.cell(0, 1)));
    }

    @Test
    void datesOfA1904WorkbookAreNotFourYearsEarly() throws Exception {
        XSSFWorkbook book = new XSSFWorkbook();
        book.getCTWorkbook().getWorkbookPr().setDate1904(true);
        assertTrue(book.isDate1904(), "POI then writes 1904-based serial numbers");
        Sheet sheet = book.createSheet("Thành viên");
        header(sheet, "Ngày sinh");
        CellStyle day = book.createCellStyle();
        day.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
        org.apache.poi.ss.usermodel.Cell cell = sheet.createRow(1).createCell(0);
        cell.setCellValue(LocalDate.of(1955, 4, 2));
        cell.setCellStyle(day);

        Collected read = read(workbook(dir, "mac.xlsx", book));

        assertEquals(LocalDate.of(1955, 4, 2), CellValues.date(read.cell(0, 0)));
    }

    @Test
    void blankRowsAreSkippedButRowNumbersAreTheFilesOwn() throws Exception {
        XSSFWorkbook book = new XSSFWorkbook();
        Sheet sheet = book.createSheet("Thành viên");
        sheet.createRow(0).createCell(0).setCellValue("   ");
        Row header = sheet.createRow(2);
        header.createCell(0).setCellValue("Họ và tên");
        header.createCell(1).setCellValue("Ghi chú");
        sheet.createRow(3).createCell(0).setCellValue("Lan");
        sheet.createRow(4).createCell(1).setCellValue("\u00a0");
        sheet.createRow(5).createCell(1).setCellValue("chuyển đến");

        Collected read = read(workbook(dir, "gaps.xlsx", book));

        assertEquals(List.of(4, 6), read.rowNumbers);
        assertSame(Cell.BLANK, read.cell(0, 1));
        assertEquals(List.of("", "chuyển đến"), read.texts(1));
    }

    @Test
    void theSheetNamedAsPreferredIsReadWhereverItIs() throws Exception {
        XSSFWorkbook book = new XSSFWorkbook();
        header(book.createSheet("Hướng dẫn"), "Cách điền");
        Sheet members = book.createSheet("THANH VIEN");
        header(members, "Họ và tên");
        members.createRow(1).createCell(0).setCellValue("Lan");
        Path file = workbook(dir, "two-sheets.xlsx", book);

        Collected preferred = new Collected();
        ReadSummary summary = TableFile.read(file, ReadOptions.defaults().preferringSheets("Danh sách", "Thành viên"), preferred);
        Collected first = read(file);

        assertEquals(new ReadSummary(TableFormat.XLSX, "THANH VIEN", 1), summary);
        assertEquals(List.of("Lan"), preferred.texts(0));
        assertEquals(List.of("Cách điền"), first.header);
    }

    @Test
    void mergedCellsAmongTheDataDoNotMatter() throws Exception {
        XSSFWorkbook book = new XSSFWorkbook();
        Sheet sheet = book.createSheet("Thành viên");
        header(sheet, "Họ và tên", "Xã");
        sheet.createRow(1).createCell(0).setCellValue("Lan");
        sheet.getRow(1).createCell(1).setCellValue("Túc Duyên");
        sheet.createRow(2).createCell(0).setCellValue("Minh");
        sheet.addMergedRegion(org.apache.poi.ss.util.CellRangeAddress.valueOf("B2:B3"));

        assertEquals(List.of(2, 3), read(workbook(dir, "merged-data.xlsx", book)).rowNumbers);
    }

    @Test
    void anExceptionOfTheHandlerComesThroughUnchanged() throws Exception {
        XSSFWorkbook book = new XSSFWorkbook();
        header(book.createSheet("Thành viên"), "Họ và tên");
        Path file = workbook(dir, "handler.xlsx", book);
        IllegalStateException stop = new IllegalStateException("stop");
        RowHandler failing = new RowHandler() {
            @Override
            public void header(List<String> names) {
                throw stop;
            }

            @Override
            public void row(int fileRowNumber, List<Cell> cells) {
            }
        };

        assertSame(stop, assertThrows(IllegalStateException.class, () -> TableFile.read(file, ReadOptions.defaults(), failing)));
    }

    static void header(Sheet sheet, String... names) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < names.length; i++) {
            row.createCell(i).setCellValue(names[i]);
        }
    }
}
