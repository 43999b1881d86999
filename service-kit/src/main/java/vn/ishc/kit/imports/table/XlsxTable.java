package vn.ishc.kit.imports.table;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.ODFNotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import vn.ishc.kit.export.TableFormat;
import vn.ishc.kit.text.SearchText;

import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads one sheet of an xlsx with POI's streaming event API: the sheet XML goes through our own SAX
 * handler row by row; only the shared strings and styles are held in memory.
 */
final class XlsxTable {

    static {
        // POI's zip-bomb guard, global to the JVM (the kit reads workbooks only here). An entry may not
        // inflate beyond 200 MB nor more than 100 times its compressed size. The text size bounds POI's
        // text extractors; our own reading bounds each cell (TableRows.MAX_CELL_CHARS).
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(200L * 1024 * 1024);
        ZipSecureFile.setMaxTextSize(50L * 1024 * 1024);
    }

    private static final Set<String> WORKBOOK_TYPES = Set.of(XSSFRelation.WORKBOOK.getContentType(),
            XSSFRelation.MACROS_WORKBOOK.getContentType(), XSSFRelation.TEMPLATE_WORKBOOK.getContentType(),
            XSSFRelation.MACRO_TEMPLATE_WORKBOOK.getContentType(), XSSFRelation.MACRO_ADDIN_WORKBOOK.getContentType());

    private record Sheet(String name, PackagePart part) {
    }

    private XlsxTable() {
    }

    static ReadSummary read(Path file, ReadOptions options, RowHandler handler) {
        OPCPackage pkg = open(file);
        try {
            return read(pkg, options, handler);
        } catch (IOException | SAXException | ParserConfigurationException | OpenXML4JException
                 | OpenXML4JRuntimeException | POIXMLException e) {
            throw refusal(e, "imports.file.damaged");
        } finally {
            pkg.revert();
        }
    }

    /** A zip that cannot be read (cut short by an upload) is damaged; one that reads but is not Office Open XML is another kind of file. */
    private static OPCPackage open(Path file) {
        try {
            return OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (ODFNotOfficeXmlFileException e) {
            throw TableFileException.unsupported(e, "imports.file.saveAsXlsx");
        } catch (InvalidFormatException | NotOfficeXmlFileException e) {
            throw refusal(e, causedByIo(e) ? "imports.file.damaged" : "imports.file.notATable");
        } catch (OpenXML4JRuntimeException | POIXMLException e) {
            throw refusal(e, "imports.file.damaged");
        }
    }

    private static ReadSummary read(OPCPackage pkg, ReadOptions options, RowHandler handler)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        requireWorkbook(pkg);
        XSSFReader reader = new XSSFReader(pkg);
        boolean date1904;
        try (InputStream workbook = reader.getWorkbookData()) {
            date1904 = WorkbookDateSystem.is1904(workbook);
        }
        Sheet sheet = chooseSheet(reader, options.preferredSheetNames());
        TableRows rows = new TableRows(options, handler);
        XlsxCells cells = new XlsxCells(new ReadOnlySharedStringsTable(pkg, false), reader.getStylesTable(), date1904);
        SheetXmlHandler sheetHandler = new SheetXmlHandler(cells, rows);
        try (InputStream in = sheet.part().getInputStream()) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(sheetHandler);
            xml.parse(new InputSource(in));
        }
        rows.end();
        return new ReadSummary(TableFormat.XLSX, sheet.name(), rows.dataRows());
    }

    /** A .docx or .pptx is also Office Open XML; an .xlsb holds binary sheets POI's event API does not read. */
    private static void requireWorkbook(OPCPackage pkg) throws OpenXML4JException {
        PackageRelationshipCollection core = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
        PackagePart part = core.isEmpty() ? null : pkg.getPart(core.getRelationship(0));
        String type = part == null ? "" : part.getContentType();
        if (XSSFRelation.XLSB_BINARY_WORKBOOK.getContentType().equals(type)
                || !pkg.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT).isEmpty()) {
            throw TableFileException.unsupported("imports.file.saveAsXlsx");
        }
        if (!WORKBOOK_TYPES.contains(type)) {
            throw TableFileException.unsupported("imports.file.notATable");
        }
    }

    /** The first worksheet named as preferred (without case or diacritics), else the first worksheet; chart sheets never. */
    private static Sheet chooseSheet(XSSFReader reader, List<String> preferredNames) throws IOException, OpenXML4JException {
        List<Sheet> worksheets = new ArrayList<>();
        XSSFReader.SheetIterator sheets = reader.getSheetIterator();
        while (sheets.hasNext()) {
            try (InputStream ignored = sheets.next()) {
                PackagePart part = sheets.getSheetPart();
                if (XSSFRelation.WORKSHEET.getContentType().equals(part.getContentType())) {
                    worksheets.add(new Sheet(sheets.getSheetName(), part));
                }
            }
        }
        if (worksheets.isEmpty()) {
            throw TableFileException.content("imports.file.empty");
        }
        for (String preferred : preferredNames) {
            for (Sheet sheet : worksheets) {
                if (SearchText.fold(sheet.name()).equals(SearchText.fold(preferred))) {
                    return sheet;
                }
            }
        }
        return worksheets.get(0);
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** POI says "zip bomb" only in its messages, somewhere down the causes. */
    private static TableFileException refusal(Throwable e, String otherwiseKey) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("Zip bomb detected") || message.contains("potentially malicious")) {
                return TableFileException.content(e, "imports.file.tooMuchInside");
            }
        }
        return "imports.file.notATable".equals(otherwiseKey)
                ? TableFileException.unsupported(e, otherwiseKey)
                : TableFileException.content(e, otherwiseKey);
    }
}
