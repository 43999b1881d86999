package vn.ishc.kit.imports.table;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ishc.kit.imports.table.TestFiles.assertRefused;
import static vn.ishc.kit.imports.table.TestFiles.refused;
import static vn.ishc.kit.imports.table.TestFiles.workbook;

/** The header and the limits, which hold for workbooks and CSV alike. */
class TableRulesTest {

    @TempDir
    Path dir;

    @Test
    void aMergedHeaderRefusesTheFileEvenThoughMergesAreListedLast() throws Exception {
        XSSFWorkbook book = new XSSFWorkbook();
        Sheet sheet = book.createSheet("Thành viên");
        sheet.createRow(1).createCell(0).setCellValue("Họ và tên");
        sheet.getRow(1).createCell(2).setCellValue("Xã");
        sheet.createRow(2).createCell(0).setCellValue("Lan");
        sheet.addMergedRegion(CellRangeAddress.valueOf("A2:B2"));

        assertRefused(workbook(dir, "merged.xlsx", book), "imports.file.mergedHeader", "A2:B2");
    }

    @Test
    void aTitleMergedAboveTheHeaderIsTakenAsTheHeaderAndRefused() throws Exception {
        XSSFWorkbook book = new XSSFWorkbook();
        Sheet sheet = book.createSheet("Thành viên");
        sheet.createRow(0).createCell(0).setCellValue("DANH SÁCH THÀNH VIÊN");
        sheet.addMergedRegion(CellRangeAddress.valueOf("A1:E1"));
        header(sheet.createRow(1), "Họ và tên");

        assertRefused(workbook(dir, "title.xlsx", book), "imports.file.mergedHeader", "A1:E1");
    }

    @Test
    void aValueUnderABlankHeaderRefusesTheFileNamingTheColumnAndRow() throws Exception {
        XSSFWorkbook book = new XSSFWorkbook();
        Sheet sheet = book.createSheet("Thành viên");
        header(sheet.createRow(0), "Họ và tên", "", "Ghi chú");
        header(sheet.createRow(1), "Lan", "", "");
        header(sheet.createRow(2), "Minh", "x", "");

        assertRefused(workbook(dir, "blank-header.xlsx", book), "imports.file.blankHeader", "B", 3);
    }

    @Test
    void aValueRightOfTheLastHeaderRefusesTheFile() throws Exception {
        XSSFWorkbook book = new XSSFWorkbook();
        Sheet sheet = book.createSheet("Thành viên");
        header(sheet.createRow(0), "Họ và tên");
        sheet.createRow(1).createCell(26).setCellValue("?");

        assertRefused(workbook(dir, "beyond.xlsx", book), "imports.file.blankHeader", "AA", 2);
    }

    @Test
    void aBlankHeaderWithNothingBeneathIsKeptEmpty() throws Exception {
        XSSFWorkbook book = new XSSFWorkbook();
        Sheet sheet = book.createSheet("Thành viên");
        header(sheet.createRow(0), "Họ và tên", "", "Ghi chú", "");
        header(sheet.createRow(1), "Lan", "", "mới");

        Collected read = TestFiles.read(workbook(dir, "gap.xlsx", book));

        assertEquals(List.of("Họ và tên", "", "Ghi chú"), read.header);
        assertEquals(List.of("Lan", "", "mới"), read.texts(0));
    }

    @Test
    void headersThatDifferOnlyInCaseDiacriticsOrSpacesAreDuplicates() throws Exception {
        XSSFWorkbook book = new XSSFWorkbook();
        header(book.createSheet("Thành viên").createRow(0), "Họ và tên", "Xã", "HO VA  TEN");

        assertRefused(workbook(dir, "twice.xlsx", book), "imports.file.duplicateHeader", "HO VA TEN", "A", "C");
    }

    @Test
    void tooManyRowsStopTheReadingAtTheFirstRowTooMany() throws Exception {
        XSSFWorkbook book = new XSSFWorkbook();
        Sheet sheet = book.createSheet("Thành viên");
        header(sheet.createRow(0), "Họ và tên");
        for (int i = 1; i <= 10; i++) {
            header(sheet.createRow(i), "Người " + i);
        }
        Collected collected = new Collected();

        TableFileException e = refused(workbook(dir, "long.xlsx", book), ReadOptions.defaults().withMaxDataRows(3), collected);

        assertEquals("imports.file.tooManyRows", e.messageKey());
        assertEquals(List.of(3), List.of(e.args()));
        assertEquals(3, collected.rows.size());
        assertTrue(!e.unsupportedFormat());
    }

    @Test
    void tooManyColumnsRefuseTheFile() throws Exception {
        XSSFWorkbook book = new XSSFWorkbook();
        header(book.createSheet("Thành viên").createRow(0), "A", "B", "C", "D");

        TableFileException e = refused(workbook(dir, "wide.xlsx", book), ReadOptions.defaults().withMaxColumns(3), new Collected());

        assertEquals("imports.file.tooManyColumns", e.messageKey());
    }

    @Test
    void aSheetWithoutAnyValueIsEmpty() throws Exception {
        XSSFWorkbook book = new XSSFWorkbook();
        book.createSheet("Thành viên").createRow(3).createCell(2).setCellValue(" ");

        assertRefused(workbook(dir, "empty.xlsx", book), "imports.file.empty");
    }

    @Test
    void aCellLongerThanExcelAllowsIsRefusedWhileRead() throws Exception {
        Path file = TestFiles.handMadeWorkbook(dir, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Ghi chú</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>" + "x".repeat(40_000) + "</t></is></c></row>");

        assertRefused(file, "imports.file.cellTooLong", 2, 32_767);
    }

    @Test
    void aHeaderCellHoldingAnErrorIsRefused() throws Exception {
        Path file = TestFiles.handMadeWorkbook(dir, "<row r=\"1\"><c r=\"A1\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c></row>");

        assertRefused(file, "imports.file.headerUnreadable", "A");
    }

    private static void header(Row row, String... values) {
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }
}
