package vn.ishc.kit.imports.table;

import org.apache.poi.ss.usermodel.Workbook;
import vn.ishc.kit.problem.Messages;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Builds test files and reads them; checks that every refusal has an English and a Vietnamese text. */
final class TestFiles {

    static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
    static final String OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

    private TestFiles() {
    }

    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    static Path bytes(Path dir, String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    static Path text(Path dir, String name, String content) throws IOException {
        return bytes(dir, name, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path workbook(Path dir, String name, Workbook workbook) throws IOException {
        Path file = dir.resolve(name);
        try (workbook; OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return file;
    }

    static Path zip(Path file, Map<String, Content> entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, Content> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                entry.getValue().writeTo(zip);
                zip.closeEntry();
            }
        }
        return file;
    }

    static Content utf8(String text) {
        return out -> out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A minimal xlsx written by hand, for what Excel and POI never write themselves. */
    static Path handMadeWorkbook(Path dir, String workbookPr, Content sheetXml) throws IOException {
        Map<String, Content> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "</Types>"));
        entries.put("_rels/.rels", utf8("<Relationships xmlns=\"" + RELS_NS + "\"><Relationship Id=\"rId1\" Type=\""
                + OFFICE_DOCUMENT + "\" Target=\"xl/workbook.xml\"/></Relationships>"));
        entries.put("xl/workbook.xml", utf8("<workbook xmlns=\"" + MAIN_NS + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + workbookPr + "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
        entries.put("xl/_rels/workbook.xml.rels", utf8("<Relationships xmlns=\"" + RELS_NS + "\"><Relationship Id=\"rId1\" "
                + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"));
        entries.put("xl/worksheets/sheet1.xml", sheetXml);
        return zip(dir.resolve("hand-made.xlsx"), entries);
    }

    /** A hand-made xlsx whose only sheet holds these rows ({@code <row>} elements). */
    static Path handMadeWorkbook(Path dir, String rowsXml) throws IOException {
        return handMadeWorkbook(dir, "", utf8("<worksheet xmlns=\"" + MAIN_NS + "\"><sheetData>" + rowsXml + "</sheetData></worksheet>"));
    }

    static Collected read(Path file) throws IOException {
        return read(file, ReadOptions.defaults());
    }

    static Collected read(Path file, ReadOptions options) throws IOException {
        Collected collected = new Collected();
        TableFile.read(file, options, collected);
        return collected;
    }

    static TableFileException refused(Path file) {
        return refused(file, ReadOptions.defaults(), new Collected());
    }

    static TableFileException refused(Path file, ReadOptions options, Collected collected) {
        TableFileException e = assertThrows(TableFileException.class, () -> TableFile.read(file, options, collected));
        assertTranslated(e.messageKey(), e.args());
        return e;
    }

    static void assertRefused(Path file, String key, Object... args) {
        TableFileException e = refused(file);
        assertEquals(key, e.messageKey());
        assertEquals(java.util.List.of(args), java.util.List.of(e.args()));
    }

    /** The key has a text in both languages, and its arguments fit it. */
    static void assertTranslated(String key, Object... args) {
        String english = Messages.text(Locale.ENGLISH, key, args);
        String vietnamese = Messages.text(Messages.VIETNAMESE, key, args);
        assertNotEquals(key, english, "no English text for " + key);
        assertNotEquals(english, vietnamese, "no Vietnamese text for " + key);
    }
}
