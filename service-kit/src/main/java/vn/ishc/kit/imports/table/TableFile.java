package vn.ishc.kit.imports.table;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads an uploaded table — an Excel workbook (.xlsx) or a CSV file — row by row, without loading it
 * whole. The format comes from the file's first bytes. A file that cannot be read as a table throws
 * {@link TableFileException}, possibly after some rows were delivered (a merged header is only seen at
 * the end of a sheet): imports run as a dry run first, and the caller discards what it received.
 */
public final class TableFile {

    private TableFile() {
    }

    /**
     * @throws TableFileException the file is not a table we read, or breaks a rule of tables
     * @throws IOException        the file could not be read from disk
     */
    public static ReadSummary read(Path file, ReadOptions options, RowHandler handler) throws IOException {
        return switch (FileSignature.of(file)) {
            case EMPTY -> throw TableFileException.content("imports.file.empty");
            case ZIP -> XlsxTable.read(file, options, handler);
            case OLE2 -> throw refusalOfCompoundFile(file);
            case UTF16 -> throw TableFileException.content("imports.file.notUtf8", 1);
            case OPEN_DOCUMENT, MARKUP -> throw TableFileException.unsupported("imports.file.saveAsXlsx");
            case OTHER_BINARY -> throw TableFileException.unsupported("imports.file.notATable");
            case TEXT -> CsvTable.read(file, options, handler);
        };
    }

    /** An OLE2 file is a password-protected xlsx (it then holds EncryptionInfo), a legacy .xls, or neither. */
    private static TableFileException refusalOfCompoundFile(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo")) {
                return TableFileException.unsupported("imports.file.encrypted");
            }
            if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
                return TableFileException.unsupported("imports.file.saveAsXlsx");
            }
            return TableFileException.unsupported("imports.file.notATable");
        } catch (IOException | RuntimeException e) {
            return TableFileException.unsupported(e, "imports.file.notATable");
        }
    }
}
