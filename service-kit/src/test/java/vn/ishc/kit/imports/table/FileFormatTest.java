package vn.ishc.kit.imports.table;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ishc.kit.imports.table.TestFiles.assertRefused;
import static vn.ishc.kit.imports.table.TestFiles.refused;
import static vn.ishc.kit.imports.table.TestFiles.utf8;

/** The format comes from the content, never the name; files that are not tables, or are hostile, are refused clearly. */
class FileFormatTest {

    @TempDir
    Path dir;

    @Test
    void aWorkbookNamedCsvIsReadAsAWorkbook() throws Exception {
        XSSFWorkbook book = new XSSFWorkbook();
        book.createSheet("Thành viên").createRow(0).createCell(0).setCellValue("Họ và tên");

        Collected read = TestFiles.read(TestFiles.workbook(dir, "members.csv", book));

        assertEquals(java.util.List.of("Họ và tên"), read.header);
    }

    @Test
    void aPasswordProtectedWorkbookIsRefusedAsSuch() throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            book.createSheet("Thành viên").createRow(0).createCell(0).setCellValue("Họ và tên");
            book.write(plain);
        }
        Path file = dir.resolve("locked.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            info.getVerifier().setSpinCount(1); // Excel uses 100,000 rounds; the test needs the file, not the strength
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("mật khẩu");
            try (OutputStream encrypted = encryptor.getDataStream(fs)) {
                encrypted.write(plain.toByteArray());
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }

        TableFileException e = refused(file);

        assertEquals("imports.file.encrypted", e.messageKey());
        assertTrue(e.unsupportedFormat());
    }

    @Test
    void aLegacyXlsIsAskedToBeSavedAsXlsx() throws Exception {
        HSSFWorkbook book = new HSSFWorkbook();
        book.createSheet("Thành viên").createRow(0).createCell(0).setCellValue("Họ và tên");

        assertRefused(TestFiles.workbook(dir, "old.xls", book), "imports.file.saveAsXlsx");
    }

    @Test
    void aWebPageNamedXlsIsAskedToBeSavedAsXlsx() throws Exception {
        Path file = TestFiles.text(dir, "report.xls", "\ufeff  <html><body><table><tr><td>Họ và tên</td></tr></table></body></html>");

        assertRefused(file, "imports.file.saveAsXlsx");
    }

    @Test
    void pdfsImagesAndBinariesAreNotTables() throws Exception {
        assertRefused(TestFiles.bytes(dir, "scan.xlsx", "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1)), "imports.file.notATable");
        assertRefused(TestFiles.bytes(dir, "photo.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}), "imports.file.notATable");
        byte[] nul = "Họ và tên,Năm sinh\nLan,1955\n".getBytes(StandardCharsets.UTF_8);
        nul[5] = 0;
        assertRefused(TestFiles.bytes(dir, "nul.csv", nul), "imports.file.notATable");
    }

    @Test
    void aWordDocumentIsNotATable() throws Exception {
        Map<String, TestFiles.Content> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", utf8("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                + "</Types>"));
        entries.put("_rels/.rels", utf8("<Relationships xmlns=\"" + TestFiles.RELS_NS + "\"><Relationship Id=\"rId1\" Type=\""
                + TestFiles.OFFICE_DOCUMENT + "\" Target=\"word/document.xml\"/></Relationships>"));
        entries.put("word/document.xml", utf8("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>"));

        assertRefused(TestFiles.zip(dir.resolve("letter.xlsx"), entries), "imports.file.notATable");
    }

    @Test
    void anyOtherZipIsNotATable() throws Exception {
        Path file = TestFiles.zip(dir.resolve("photos.xlsx"), Map.of("readme.txt", utf8("not a workbook")));

        assertRefused(file, "imports.file.notATable");
    }

    @Test
    void anOpenDocumentSpreadsheetIsAskedToBeSavedAsXlsx() throws Exception {
        byte[] type = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
        Path file = dir.resolve("members.ods");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            ZipEntry mimetype = new ZipEntry("mimetype");
            mimetype.setMethod(ZipEntry.STORED);
            mimetype.setSize(type.length);
            CRC32 crc = new CRC32();
            crc.update(type);
            mimetype.setCrc(crc.getValue());
            zip.putNextEntry(mimetype);
            zip.write(type);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertRefused(file, "imports.file.saveAsXlsx");
    }

    @Test
    void aWorkbookCutShortIsDamaged() throws Exception {
        XSSFWorkbook book = new XSSFWorkbook();
        book.createSheet("Thành viên").createRow(0).createCell(0).setCellValue("Họ và tên");
        Path whole = TestFiles.workbook(dir, "whole.xlsx", book);
        byte[] bytes = Files.readAllBytes(whole);
        Path half = TestFiles.bytes(dir, "half.xlsx", Arrays.copyOf(bytes, bytes.length / 2));

        assertRefused(half, "imports.file.damaged");
    }

    @Test
    void aZipBombIsRefusedQuickly() throws Exception {
        byte[] spaces = new byte[1 << 20];
        Arrays.fill(spaces, (byte) ' ');
        Path file = TestFiles.handMadeWorkbook(dir, "", out -> {
            out.write(("<worksheet xmlns=\"" + TestFiles.MAIN_NS + "\"><sheetData><row r=\"1\">").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 40; i++) {
                out.write(spaces);
            }
            out.write("</row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        });

        TableFileException e = assertTimeout(java.time.Duration.ofSeconds(5), () -> refused(file));

        assertEquals("imports.file.tooMuchInside", e.messageKey());
        assertTrue(Files.size(file) < 200_000, "the test file is small, its sheet is not");
    }

    @Test
    void anEmptyFileIsEmpty() throws Exception {
        assertRefused(TestFiles.bytes(dir, "empty.csv", new byte[0]), "imports.file.empty");
    }

    @Test
    void utf16TextIsAskedToBeSavedAsUtf8() throws Exception {
        byte[] text = "\ufeffHọ và tên\tNăm sinh\r\n".getBytes(StandardCharsets.UTF_16LE);

        assertRefused(TestFiles.bytes(dir, "unicode.txt", text), "imports.file.notUtf8", 1);
    }
}
