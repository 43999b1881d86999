package vn.ishc.kit.imports.table;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ishc.kit.export.TableFormat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.ishc.kit.imports.table.TestFiles.assertRefused;
import static vn.ishc.kit.imports.table.TestFiles.read;
import static vn.ishc.kit.imports.table.TestFiles.text;

/** CSV as Excel, LibreOffice and our own exports write it. */
class CsvReadingTest {

    @TempDir
    Path dir;

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstHeader() throws Exception {
        Path file = text(dir, "members.csv", "\ufeffHọ và tên,Năm sinh\r\nNguyễn Thị Lan,1955\r\n");

        Collected collected = new Collected();
        ReadSummary summary = TableFile.read(file, ReadOptions.defaults(), collected);

        assertEquals(List.of("Họ và tên", "Năm sinh"), collected.header);
        assertEquals(List.of("Nguyễn Thị Lan", "1955"), collected.texts(0));
        assertEquals(List.of(2), collected.rowNumbers);
        assertEquals(new ReadSummary(TableFormat.CSV, null, 1), summary);
        assertNull(collected.cell(0, 1).number(), "CSV holds text only; the value forms read it");
    }

    @Test
    void semicolonsAreTheDelimiterWhenTheHeaderLineHasMoreOfThem() throws Exception {
        Path file = text(dir, "members.csv", "\"Họ, tên\";Năm sinh;Số tiền\nNguyễn Thị Lan;1955;15.000.000\n");

        Collected read = read(file);

        assertEquals(List.of("Họ, tên", "Năm sinh", "Số tiền"), read.header);
        assertEquals(List.of("Nguyễn Thị Lan", "1955", "15.000.000"), read.texts(0));
    }

    @Test
    void tabsAreTheDelimiterOfTabSeparatedText() throws Exception {
        Collected read = read(text(dir, "members.txt", "Họ và tên\tThôn, tổ\nLan\tTổ 7, Túc Duyên"));

        assertEquals(List.of("Lan", "Tổ 7, Túc Duyên"), read.texts(0));
    }

    @Test
    void quotedFieldsHoldDelimitersQuotesAndLineBreaks() throws Exception {
        Path file = text(dir, "notes.csv", "Họ và tên,Ghi chú\r\n"
                + "Lan,\"Tổ 7, \"\"Túc Duyên\"\"\r\nchuyển đến\"\r\n"
                + "Minh,\"\"\r\n"
                + "Hoa,say \"hi\"\r\n");

        Collected read = read(file);

        assertEquals(List.of("Lan", "Tổ 7, \"Túc Duyên\"\r\nchuyển đến"), read.texts(0));
        assertEquals(List.of("Minh", ""), read.texts(1));
        assertEquals(List.of("Hoa", "say \"hi\""), read.texts(2), "a quote inside an unquoted value is kept, as Excel does");
        assertEquals(List.of(2, 3, 4), read.rowNumbers, "rows as Excel numbers them: a line break inside quotes is not a new row");
    }

    @Test
    void blankLinesAreSkippedButCountedAndTheirDelimitersDoNotChooseTheDelimiter() throws Exception {
        Collected read = read(text(dir, "gaps.csv", "\n\t \t\nHọ và tên,Xã\nLan,Túc Duyên\n,\n\nMinh,\n"));

        assertEquals(List.of(4, 7), read.rowNumbers);
        assertEquals(List.of("Minh", ""), read.texts(1));
    }

    @Test
    void theQuoteOurExportsPutBeforeAFormulaIsRemoved() throws Exception {
        Collected read = read(text(dir, "export.csv", "A,B,C,D,E\n'=SUM(A1),'+84 912,'-5,'@x,'Tổ 7\n"));

        assertEquals(List.of("=SUM(A1)", "+84 912", "-5", "@x", "'Tổ 7"), read.texts(0));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNamingTheLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("Họ và tên,Xã\nLan,Túc Duyên\n\"Minh,\nNguy".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xEA); // ê in Windows-1258
        bytes.writeBytes("n,Đồng Hỷ\n".getBytes(StandardCharsets.UTF_8));

        assertRefused(TestFiles.bytes(dir, "ansi.csv", bytes.toByteArray()), "imports.file.notUtf8", 4);
    }

    @Test
    void aBrokenQuoteIsRefusedNamingTheLine() throws Exception {
        assertRefused(text(dir, "broken.csv", "A,B\n1,2\n\"Lan\"x,3\n"), "imports.file.csvQuotes", 3);
        assertRefused(text(dir, "open.csv", "A,B\n1,\"2\n3,4\n"), "imports.file.csvQuotes", 2);
    }

    @Test
    void emptyFieldsBeyondTheColumnLimitCostNothingButAValueThereRefusesTheFile() throws Exception {
        String commas = ",".repeat(1_000_000);
        Collected read = read(text(dir, "commas.csv", "Họ và tên" + commas + "\nLan" + commas + "\n"));

        assertEquals(List.of("Họ và tên"), read.header);
        assertEquals(List.of("Lan"), read.texts(0));
        assertRefused(text(dir, "far.csv", "Họ và tên\nLan" + ",".repeat(200) + "x\n"), "imports.file.tooManyColumns", 200);
    }

    @Test
    void aValueWithoutHeaderRefusesTheFile() throws Exception {
        assertRefused(text(dir, "no-header.csv", "Họ và tên,,Xã\nLan,?,Túc Duyên\n"), "imports.file.blankHeader", "B", 2);
    }

    @Test
    void tooManyRowsRefuseTheFile() throws Exception {
        Collected collected = new Collected();
        TableFileException e = TestFiles.refused(text(dir, "long.csv", "A\n1\n2\n3\n"), ReadOptions.defaults().withMaxDataRows(2), collected);

        assertEquals("imports.file.tooManyRows", e.messageKey());
        assertEquals(2, collected.rows.size());
    }

    @Test
    void aCellLongerThanExcelAllowsIsRefusedWhileRead() throws Exception {
        assertRefused(text(dir, "long-cell.csv", "A,B\n1,\"" + "x".repeat(40_000) + "\"\n"), "imports.file.cellTooLong", 2, 32_767);
    }

    @Test
    void aFileOfBlankLinesIsEmpty() throws Exception {
        assertRefused(text(dir, "blank.csv", "\ufeff\r\n ; \r\n\r\n"), "imports.file.empty");
    }
}
