package vn.ishc.kit.imports.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** What a file is, from its first bytes: never from its name, which the uploader chose. */
enum FileSignature {
    EMPTY,
    /** A ZIP archive: an xlsx, or another Office Open XML file, or any zip. */
    ZIP,
    /** An OpenDocument file (LibreOffice's .ods): a zip whose first entry, stored, names its type. */
    OPEN_DOCUMENT,
    /** An OLE2 compound file: a legacy .xls (or .doc), or an encrypted xlsx. */
    OLE2,
    /** Text with a UTF-16 byte-order mark: Excel's "Unicode text". */
    UTF16,
    /** HTML or XML: web systems' ".xls" that are web pages, Excel 2003 XML. */
    MARKUP,
    /** PDF, images, archives and anything with NUL bytes. */
    OTHER_BINARY,
    /** Anything else is read as CSV. */
    TEXT;

    private static final int HEAD = 1024;
    private static final byte[][] ZIPS = {{'P', 'K', 3, 4}, {'P', 'K', 5, 6}};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final byte[][] UTF16_BOMS = {{(byte) 0xFF, (byte) 0xFE}, {(byte) 0xFE, (byte) 0xFF}};
    private static final byte[][] BINARIES = {
        {'%', 'P', 'D', 'F'},
        {(byte) 0x89, 'P', 'N', 'G'},
        {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
        {'G', 'I', 'F', '8'},
        {0x1F, (byte) 0x8B},
        {'B', 'Z', 'h'},
        {'7', 'z', (byte) 0xBC, (byte) 0xAF},
        {'R', 'a', 'r', '!'},
    };

    static FileSignature of(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        }
        if (head.length == 0) {
            return EMPTY;
        }
        if (startsWithAny(head, ZIPS)) {
            return isOpenDocument(head) ? OPEN_DOCUMENT : ZIP;
        }
        if (startsWith(head, OLE2_MAGIC)) {
            return OLE2;
        }
        if (startsWithAny(head, UTF16_BOMS)) {
            return UTF16;
        }
        if (startsWithAny(head, BINARIES)) {
            return OTHER_BINARY;
        }
        for (byte b : head) {
            if (b == 0) {
                return OTHER_BINARY;
            }
        }
        // A CSV header never starts with "<"; cutting at HEAD may break a character, which strip() tolerates.
        String start = new String(head, StandardCharsets.UTF_8).replace("\ufeff", "").strip();
        return start.startsWith("<") ? MARKUP : TEXT;
    }

    /** The OpenDocument rule: the first zip entry is "mimetype", uncompressed, right after the 30-byte local header. */
    private static boolean isOpenDocument(byte[] head) {
        String start = new String(head, StandardCharsets.ISO_8859_1);
        return start.startsWith("mimetype", 30) && start.startsWith("application/vnd.oasis.opendocument", 38);
    }

    private static boolean startsWithAny(byte[] head, byte[][] prefixes) {
        return Arrays.stream(prefixes).anyMatch(prefix -> startsWith(head, prefix));
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        return head.length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
    }
}
